using System.Globalization;
using PaperModel.Classification;
using PaperModel.Formats;
using PaperModel.Testing;

namespace PaperModel.Tests.Classification;

/// <summary>
/// Property test: over randomised papers (real titles and abstracts with taxonomy phrases inserted in other casings and
/// with hyphens and spaces swapped), every piece of evidence points at text in the paper that spells its phrase.
/// </summary>
public class EvidenceOffsetTests
{
    [Fact]
    public void Evidence_offsets_point_at_the_matched_text_in_randomised_papers()
    {
        var real = PaperReader.ReadFile(RepoPaths.DailyPapersPage).Papers;
        var phrases = DefaultTopics.All.SelectMany(static t => t.Phrases).ToList();
        var random = new Random(20261128);
        var checkedEvidence = 0;
        for (var i = 0; i < 400; i++)
        {
            var title = Insert(real[random.Next(real.Count)].Title, Variant(phrases[random.Next(phrases.Count)], random), random);
            var abstractText = Insert(real[random.Next(real.Count)].Abstract, Variant(phrases[random.Next(phrases.Count)], random), random);
            var paper = new Paper("random-" + i.ToString(CultureInfo.InvariantCulture), title) { Abstract = abstractText };

            foreach (var evidence in DefaultTopics.Classifier.Classify(paper).Topics.SelectMany(static t => t.Evidence))
            {
                if (evidence.Field == EvidenceField.Category)
                {
                    continue;
                }

                var field = evidence.Field == EvidenceField.Title ? paper.Title : paper.Abstract;
                evidence.Start.Should().BeInRange(0, field.Length - evidence.Length, "evidence lies inside the {0}", evidence.Field);
                var matched = evidence.MatchedText(paper);
                SpellsPhrase(matched, evidence.Phrase).Should().BeTrue(
                    "'{0}' at {1}+{2} in the {3} of \"{4}\" should spell the phrase '{5}'",
                    matched,
                    evidence.Start,
                    evidence.Length,
                    evidence.Field,
                    field,
                    evidence.Phrase);
                checkedEvidence++;
            }
        }

        checkedEvidence.Should().BeGreaterThan(400, "the property must be exercised on many matches");
    }

    // Keywords in another casing with separators swapped; acronyms as written (they are case-sensitive by design).
    private static string Variant(TopicPhrase phrase, Random random)
    {
        if (phrase.Kind == PhraseKind.Acronym)
        {
            return phrase.Text;
        }

        var text = random.Next(3) switch
        {
            0 => phrase.Text.ToUpperInvariant(),
            1 => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(phrase.Text),
            _ => phrase.Text,
        };
        return random.Next(2) == 0 ? text.Replace(' ', '-') : text.Replace('-', ' ');
    }

    // Inserts at a word boundary (between two words, or at either end).
    private static string Insert(string text, string phrase, Random random)
    {
        var words = text.Split(' ').ToList();
        words.Insert(random.Next(words.Count + 1), phrase);
        return string.Join(' ', words);
    }

    // The match and the phrase have the same words, ignoring case and separators, allowing a regular plural,
    // or the same letters when one writes a compound closed (pretraining / pre-training).
    private static bool SpellsPhrase(string matched, string phrase)
    {
        var parts = phrase.Split(" * ");
        return parts.Length == 1 ? SpellsWords(matched, phrase) : SpellsAround(Words(matched), [.. parts.Select(Words)], 0);
    }

    // A phrase with word gaps (`mixture of * expert`): its parts in order, one to three words between them.
    private static bool SpellsAround(string[] matched, string[][] parts, int part)
    {
        var words = parts[part];
        if (matched.Length < words.Length || !matched.Zip(words).All(static pair => IsWordOrPlural(pair.First, pair.Second)))
        {
            return false;
        }

        if (part == parts.Length - 1)
        {
            return matched.Length == words.Length;
        }

        return Enumerable.Range(1, 3).Any(gap => matched.Length > words.Length + gap && SpellsAround(matched[(words.Length + gap)..], parts, part + 1));
    }

    private static bool SpellsWords(string matched, string phrase)
    {
        var m = Words(matched);
        var p = Words(phrase);
        if (m.Length == p.Length)
        {
            return m.Zip(p).All(static pair => IsWordOrPlural(pair.First, pair.Second));
        }

        return IsWordOrPlural(string.Concat(m), string.Concat(p));
    }

    private static bool IsWordOrPlural(string word, string of) =>
        word == of
        || word == of + "S"
        || word == of + "ES"
        || (of.EndsWith('Y') && word == of[..^1] + "IES");

    // Case is folded as the matcher folds it (invariant upper case), so the micro sign µ spells the Greek μ.
    private static string[] Words(string text) =>
        new string(text.Select(static c => char.IsLetterOrDigit(c) ? char.ToUpperInvariant(c) : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
