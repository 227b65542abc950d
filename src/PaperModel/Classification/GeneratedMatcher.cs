using System.ComponentModel;
using PaperModel.Common.Matching;

namespace PaperModel.Classification;

/// <summary>
/// The phrase matcher of a taxonomy compiled by the source generator, the way the Regex generator compiles a pattern:
/// its tables (the folded phrase vocabulary and every phrase variant, already parsed) are literals in the generated
/// code, and its token lookup is generated code (a <c>switch</c> on the token's length, then a decision tree of
/// character switches). A
/// <see cref="Classifier"/> built from it parses no phrase and builds no hash table at start-up, and assigns exactly
/// the topics a classifier built at run time from the same taxonomy file assigns.
/// </summary>
/// <remarks>Not meant to be implemented by hand; generated taxonomy classes derive from it.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class GeneratedMatcher : ITokenLookup
{
    private readonly string[] _vocabulary;
    private readonly int[] _entries;
    private readonly string[] _literals;

    /// <summary>Creates the matcher from its generated tables.</summary>
    /// <param name="taxonomy">The taxonomy the tables were generated from.</param>
    /// <param name="vocabulary">The folded phrase tokens, sorted ordinally; a token's id is its index.</param>
    /// <param name="entries">The encoded phrase variants.</param>
    /// <param name="literals">The exact spellings and literal gaps the entries refer to.</param>
    protected GeneratedMatcher(Taxonomy taxonomy, string[] vocabulary, int[] entries, string[] literals)
    {
        Taxonomy = taxonomy ?? throw new ArgumentNullException(nameof(taxonomy));
        _vocabulary = vocabulary ?? throw new ArgumentNullException(nameof(vocabulary));
        _entries = entries ?? throw new ArgumentNullException(nameof(entries));
        _literals = literals ?? throw new ArgumentNullException(nameof(literals));
    }

    /// <summary>The taxonomy the matcher was generated from.</summary>
    public Taxonomy Taxonomy { get; }

    /// <summary>Returns the vocabulary id of a folded token, or -1 when it is not in the vocabulary.</summary>
    /// <param name="foldedToken">The token, folded with the invariant simple upper-case mapping per character.</param>
    /// <returns>The id, or -1.</returns>
    public abstract int Find(ReadOnlySpan<char> foldedToken);

    /// <summary>Decodes the generated tables for the phrases of <see cref="Taxonomy"/> and checks the lookup against them.</summary>
    internal MatcherTables DecodeTables(IReadOnlyList<PhraseSource> phrases)
    {
        try
        {
            var tables = MatcherTables.Decode(phrases, _vocabulary, _entries, _literals);
            for (var id = 0; id < _vocabulary.Length; id++)
            {
                if (Find(_vocabulary[id].AsSpan()) != id)
                {
                    throw new FormatException($"Invalid matcher data: the lookup does not find token '{_vocabulary[id]}'.");
                }
            }

            return tables;
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException(
                $"The generated matcher of the taxonomy '{Taxonomy.Name}' does not match it; rebuild the project to regenerate it. {e.Message}", e);
        }
    }
}
