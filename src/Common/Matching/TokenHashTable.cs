namespace PaperModel.Common.Matching;

/// <summary>
/// The run-time token lookup: an open-addressing hash table over the folded vocabulary, queried with a span
/// (no allocation, identical on every target framework).
/// </summary>
internal sealed class TokenHashTable : ITokenLookup
{
    private readonly string[] _vocabulary;
    private readonly int[] _slots;
    private readonly int _mask;

    /// <summary>Builds the table; <paramref name="vocabulary"/> ids are its indexes.</summary>
    public TokenHashTable(string[] vocabulary)
    {
        _vocabulary = vocabulary;
        var size = 16;
        while (size < vocabulary.Length * 2)
        {
            size <<= 1;
        }

        _mask = size - 1;
        _slots = new int[size];
        for (var id = 0; id < vocabulary.Length; id++)
        {
            var slot = Hash(vocabulary[id].AsSpan()) & _mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = id + 1;
        }
    }

    /// <inheritdoc/>
    public int Find(ReadOnlySpan<char> folded)
    {
        var slot = Hash(folded) & _mask;
        int entry;
        while ((entry = _slots[slot]) != 0)
        {
            if (folded.SequenceEqual(_vocabulary[entry - 1].AsSpan()))
            {
                return entry - 1;
            }

            slot = (slot + 1) & _mask;
        }

        return -1;
    }

    private static int Hash(ReadOnlySpan<char> token)
    {
        unchecked
        {
            var hash = (uint)2166136261;
            foreach (var c in token)
            {
                hash = (hash ^ c) * 16777619;
            }

            return (int)(hash ^ (hash >> 15));
        }
    }
}
