using System.ComponentModel;
using PaperModel.Common.Matching;

namespace PaperModel.Classification;

/// <summary>
/// Maps a case-folded token of text to the id of a token in a taxonomy's phrase vocabulary (the folded phrase tokens
/// sorted ordinally). The source generator emits a specialised subclass for each compile-time taxonomy (a
/// <c>switch</c> on length and first character), so its <see cref="Classifier"/> needs no start-up work; for a
/// taxonomy loaded at run time the classifier builds an equivalent hash table once. Both give identical results.
/// </summary>
/// <remarks>Not meant to be implemented by hand; generated code derives from it.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class TokenLookup : ITokenLookup
{
    /// <summary>Creates the lookup.</summary>
    protected TokenLookup()
    {
    }

    /// <summary>Returns the vocabulary id of a folded token, or -1 when it is not in the vocabulary.</summary>
    /// <param name="foldedToken">The token, folded with the invariant simple upper-case mapping per character.</param>
    /// <returns>The id, or -1.</returns>
    public abstract int Find(ReadOnlySpan<char> foldedToken);
}
