namespace PaperModel.Benchmarks.Quick;

/// <summary>
/// One group of the quick mode (<c>--quick</c>): a set of side-by-side comparisons. To add a group, add a public
/// class with a parameterless constructor that implements this interface in this folder; <see cref="QuickRunner"/>
/// finds it by reflection and runs the groups in <see cref="Order"/>.
/// </summary>
public interface IQuickGroup
{
    /// <summary>The group's short name, printed at the start of each of its lines (<c>classify</c>, <c>parse</c>).</summary>
    string Name { get; }

    /// <summary>Where the group runs among the others (lower first).</summary>
    int Order { get; }

    /// <summary>Prepares the inputs and reports each comparison through <paramref name="context"/>.</summary>
    /// <param name="context">Times the subjects and collects one line per comparison.</param>
    void Run(QuickContext context);
}
