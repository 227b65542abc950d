#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

#endif
namespace PaperModel.Common.Matching;

/// <summary>
/// Every form a text token may take to match a vocabulary token: the token itself and its regular plurals
/// (<see cref="PluralForms.FormsOf"/>), decided once per vocabulary token when the tables are built, so a text token
/// is looked up once. An open-addressing hash table over the folded forms; a form lists the (vocabulary id, plural
/// suffix) pairs it stands for, in suffix order (one pair almost always; <c>LOSSES</c> could be both <c>LOSSE</c>+s
/// and <c>LOSS</c>+es).
/// </summary>
internal sealed class TokenForms
{
    private readonly int[] _slots;
    private readonly int _shift;
    private readonly uint[] _hashes;
    private readonly string[] _texts;
    private readonly int[] _candidateOffsets;
    private readonly int[] _candidateIds;
    private readonly PluralSuffix[] _candidateSuffixes;
    private readonly bool[] _startsEntries;
#if NET8_0_OR_GREATER
    private readonly KeyBuckets _short;
    private readonly KeyBuckets _medium;
#endif

    /// <summary>Builds the forms of <paramref name="vocabulary"/> (folded tokens, ids are indexes).</summary>
    /// <param name="vocabulary">The folded vocabulary.</param>
    /// <param name="startsEntries">Per vocabulary id, whether some phrase variant starts with that token.</param>
    public TokenForms(string[] vocabulary, bool[] startsEntries)
    {
        var byText = new Dictionary<string, List<(int Id, PluralSuffix Suffix)>>(StringComparer.Ordinal);
        var texts = new List<string>();
        for (var id = 0; id < vocabulary.Length; id++)
        {
            foreach (var (form, suffix) in PluralForms.FormsOf(vocabulary[id]))
            {
                if (!byText.TryGetValue(form, out var list))
                {
                    byText.Add(form, list = []);
                    texts.Add(form);
                }

                list.Add((id, suffix));
            }
        }

        _texts = [.. texts];
        _hashes = new uint[_texts.Length];
        _candidateOffsets = new int[_texts.Length + 1];
        _startsEntries = new bool[_texts.Length];
        var ids = new List<int>();
        var suffixes = new List<PluralSuffix>();
        var bits = 4;
        while (1 << bits < _texts.Length * 4)
        {
            bits++;
        }

        _shift = 32 - bits;
        _slots = new int[1 << bits];
        for (var form = 0; form < _texts.Length; form++)
        {
            var text = _texts[form];
            foreach (var (id, suffix) in byText[text].OrderBy(static c => c.Suffix))
            {
                ids.Add(id);
                suffixes.Add(suffix);
                _startsEntries[form] |= startsEntries[id];
            }

            _candidateOffsets[form + 1] = ids.Count;
            var hash = 0u;
            foreach (var c in text)
            {
                hash = Step(hash, c);
            }

            _hashes[form] = hash;
            var slot = Slot(hash);
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & (_slots.Length - 1);
            }

            _slots[slot] = form + 1;
        }

        _candidateIds = [.. ids];
        _candidateSuffixes = [.. suffixes];
        MaxLength = _texts.Length == 0 ? 0 : _texts.Max(static t => t.Length);
#if NET8_0_OR_GREATER
        var asciiForms = _texts.Select(static (text, form) => (Text: text, Form: form))
            .Where(static f => f.Text.Length <= MediumLength && f.Text.All(static c => c < 0x80)).ToArray();
        _short = BuildBuckets(
            [.. asciiForms.Where(static f => f.Text.Length <= ShortLength).Select(static f => (Key(f.Text, 0), 0ul, f.Form))], keyWords: 1);
        _medium = BuildBuckets(
            [.. asciiForms.Where(static f => f.Text.Length > ShortLength).Select(static f => (Key(f.Text, 0), Key(f.Text, 8), f.Form))], keyWords: 2);
#endif
    }

#if NET8_0_OR_GREATER
    /// <summary>The longest form <see cref="FindShort"/> finds.</summary>
    public const int ShortLength = 7;

    /// <summary>The longest form <see cref="FindMedium"/> finds.</summary>
    public const int MediumLength = 15;

    /// <summary>
    /// Finds the form of a text token of at most <see cref="ShortLength"/> ASCII characters by its key: its folded
    /// characters as bytes, the first in the lowest byte (a zero byte ends a shorter token). Returns the same as
    /// <see cref="Find"/> for that token, without reading the text: the key is the whole token. The key's bucket of
    /// four slots is compared at once and the form read from the matching slot, or from the bucket's fifth form
    /// (-1) when none matches, so the look-up does not branch on the outcome.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int FindShort(ulong key)
    {
        var bucket = (int)((Mix(key, 0) * _short.Multiplier) >> _short.Shift);
        ref var keys = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(_short.Keys);
        var wanted = Vector128.Create(key);
        var low = Vector128.Equals(Vector128.LoadUnsafe(ref keys, (nuint)(bucket * 4)), wanted);
        var high = Vector128.Equals(Vector128.LoadUnsafe(ref keys, (nuint)(bucket * 4) + 2), wanted);
        var match = low.ExtractMostSignificantBits() | (high.ExtractMostSignificantBits() << 2) | 0x10u;
        return _short.Forms[(bucket * 5) + BitOperations.TrailingZeroCount(match)];
    }

    /// <summary>
    /// Finds the form of a text token of <see cref="ShortLength"/> + 1 to <see cref="MediumLength"/> ASCII characters
    /// by its key, as <see cref="FindShort"/> does: its first eight folded characters in <paramref name="low"/>, the
    /// rest in <paramref name="high"/>; a slot matches when both halves do.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int FindMedium(ulong low, ulong high)
    {
        var bucket = (int)((Mix(low, high) * _medium.Multiplier) >> _medium.Shift);
        ref var keys = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(_medium.Keys);
        var wanted = Vector128.Create(low, high);
        var at = (nuint)(bucket * 8);
        var match = BothHalves(ref keys, at, wanted) | (BothHalves(ref keys, at + 2, wanted) << 1)
            | (BothHalves(ref keys, at + 4, wanted) << 2) | (BothHalves(ref keys, at + 6, wanted) << 3) | 0x10u;
        return _medium.Forms[(bucket * 5) + BitOperations.TrailingZeroCount(match)];
    }

    /// <summary>1 when the two-word key at <paramref name="at"/> is <paramref name="wanted"/>, else 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint BothHalves(ref ulong keys, nuint at, Vector128<ulong> wanted) =>
        (Vector128.Equals(Vector128.LoadUnsafe(ref keys, at), wanted).ExtractMostSignificantBits() + 1) >> 2;

    /// <summary>The bucket hash of a key's two halves.</summary>
    private static ulong Mix(ulong low, ulong high) => low ^ (high * 0xC2B2AE3D27D4EB4Ful);

    /// <summary>Up to eight folded ASCII characters of a form from <paramref name="offset"/> as key bytes, the first in the lowest byte.</summary>
    private static ulong Key(string form, int offset)
    {
        var key = 0ul;
        for (var k = offset; k < form.Length && k < offset + 8; k++)
        {
            key |= (ulong)form[k] << (8 * (k - offset));
        }

        return key;
    }

    /// <summary>
    /// Places keys of <paramref name="keyWords"/> 64-bit words in buckets of four (growing the table and trying
    /// multipliers until no bucket overflows); a bucket's fifth form is -1.
    /// </summary>
    private static KeyBuckets BuildBuckets((ulong Low, ulong High, int Form)[] entries, int keyWords)
    {
        var bucketBits = 2;
        while (1 << bucketBits < entries.Length / 2)
        {
            bucketBits++;
        }

        while (true)
        {
            var buckets = 1 << bucketBits;
            var multiplier = 0x9E3779B97F4A7C15ul;
            for (var attempt = 0; attempt < 64; attempt++, multiplier += 0x2545F4914F6CDD1Cul)
            {
                var keys = new ulong[buckets * 4 * keyWords];
                var forms = new int[buckets * 5];
                forms.AsSpan().Fill(-1);
                var fill = new int[buckets];
                var fits = true;
                foreach (var (low, high, form) in entries)
                {
                    var bucket = (int)((Mix(low, high) * multiplier) >> (64 - bucketBits));
                    if (fill[bucket] == 4)
                    {
                        fits = false;
                        break;
                    }

                    var slot = (bucket * 4) + fill[bucket];
                    keys[slot * keyWords] = low;
                    if (keyWords == 2)
                    {
                        keys[(slot * 2) + 1] = high;
                    }

                    forms[(bucket * 5) + fill[bucket]++] = form;
                }

                if (fits)
                {
                    return new KeyBuckets(keys, forms, multiplier, 64 - bucketBits);
                }
            }

            bucketBits++;
        }
    }

    /// <summary>
    /// A table of keys in buckets of four (<see cref="FindShort"/>, <see cref="FindMedium"/>): a key's bucket is its
    /// <see cref="Mix"/> times <paramref name="Multiplier"/>, shifted right by <paramref name="Shift"/>.
    /// </summary>
    /// <param name="Keys">Four keys per bucket, of one or two 64-bit words each (empty slots are zero).</param>
    /// <param name="Forms">Five forms per bucket: one per key slot, then -1 for no match.</param>
    /// <param name="Multiplier">The multiplier that places every key without overflowing a bucket.</param>
    /// <param name="Shift">64 less the number of bits of a bucket index.</param>
    private readonly record struct KeyBuckets(ulong[] Keys, int[] Forms, ulong Multiplier, int Shift);
#endif

    /// <summary>The length of the longest form; longer text tokens match nothing.</summary>
    public int MaxLength { get; }

    /// <summary>One step of the token hash over folded UTF-16 units (the scanner computes it while it reads a token).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static uint Step(uint hash, char folded) => ((hash << 5) | (hash >> 27)) ^ folded;

    /// <summary>
    /// Finds the form of the text token <c>text[start..start+length]</c>, whose folded units hash to
    /// <paramref name="hash"/>; returns its index or -1.
    /// </summary>
    public int Find(string text, int start, int length, uint hash)
    {
        var mask = _slots.Length - 1;
        var slot = Slot(hash);
        int entry;
        while ((entry = _slots[slot]) != 0)
        {
            var form = entry - 1;
            if (_hashes[form] == hash && SameFolded(text, start, length, _texts[form]))
            {
                return form;
            }

            slot = (slot + 1) & mask;
        }

        return -1;
    }

    /// <summary>Whether some phrase variant starts with a vocabulary token that <paramref name="form"/> stands for.</summary>
    public bool StartsEntries(int form) => _startsEntries[form];

    /// <summary>The range of <paramref name="form"/>'s (vocabulary id, suffix) pairs for <see cref="CandidateId"/> and <see cref="CandidateSuffix"/>.</summary>
    public void Candidates(int form, out int start, out int end)
    {
        start = _candidateOffsets[form];
        end = _candidateOffsets[form + 1];
    }

    /// <summary>The vocabulary id of a candidate.</summary>
    public int CandidateId(int candidate) => _candidateIds[candidate];

    /// <summary>The plural suffix the text token carries beyond that vocabulary token.</summary>
    public PluralSuffix CandidateSuffix(int candidate) => _candidateSuffixes[candidate];

    private static bool SameFolded(string text, int start, int length, string form)
    {
        if (form.Length != length)
        {
            return false;
        }

        for (var k = 0; k < length; k++)
        {
            if (TextTokens.Fold(text[start + k]) != form[k])
            {
                return false;
            }
        }

        return true;
    }

    private int Slot(uint hash) => (int)((hash * 0x9E3779B1u) >> _shift);
}
