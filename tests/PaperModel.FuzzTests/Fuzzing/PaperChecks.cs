using PaperModel.Classification;
using PaperModel.Serialization;
using PaperModel.Testing;

namespace PaperModel.FuzzTests.Fuzzing;

/// <summary>What every paper a reader produces must satisfy, whatever the input.</summary>
internal static class PaperChecks
{
    private static readonly Lazy<Classifier> DefaultClassifier = new(() => new Classifier(Taxonomy.LoadFile(RepoPaths.DefaultTaxonomy)));

    /// <summary>The classifier of the built-in taxonomy, shared by every case (it is thread-safe).</summary>
    public static Classifier Classifier => DefaultClassifier.Value;

    /// <summary>
    /// What is wrong with a paper, or <see langword="null"/>: a null non-nullable member (or list element), a JSON
    /// round trip that loses something, or a classification that throws.
    /// </summary>
    public static string? Problem(Paper paper)
    {
        var member = NullMember(paper);
        if (member is not null)
        {
            return $"{member} is null in paper '{paper.Id}'";
        }

        try
        {
            var json = PaperJson.Serialize(paper);
            if (!PaperJson.Deserialize(json).Equals(paper))
            {
                return $"paper '{paper.Id}' does not survive its JSON round trip: {Cut(json)}";
            }

            Classifier.Classify(paper);
            return null;
        }
        catch (Exception ex)
        {
            return $"paper '{paper.Id}' cannot be serialized or classified: {ex.GetType().Name}: {ex.Message}";
        }
    }

    private static string? NullMember(Paper paper)
    {
        // The nullable annotations say these are never null; a reader may still have put null there.
        if (paper.Id is null)
        {
            return nameof(Paper.Id);
        }

        if (paper.Title is null)
        {
            return nameof(Paper.Title);
        }

        if (paper.Abstract is null)
        {
            return nameof(Paper.Abstract);
        }

        if (paper.Authors is null || paper.Authors.Any(static a => a is null || a.Name is null))
        {
            return nameof(Paper.Authors);
        }

        if (paper.Categories is null || paper.Categories.Any(static c => c is null))
        {
            return nameof(Paper.Categories);
        }

        if (paper.Links is null || paper.Links.Any(static l => l is null || l.Kind is null || l.Url is null))
        {
            return nameof(Paper.Links);
        }

        if (paper.Versions is null || paper.Versions.Any(static v => v is null))
        {
            return nameof(Paper.Versions);
        }

        return paper.Keywords is null || paper.Keywords.Any(static k => k is null) ? nameof(Paper.Keywords) : null;
    }

    private static string Cut(string text) => text.Length > 200 ? text.Substring(0, 200) + "…" : text;
}
