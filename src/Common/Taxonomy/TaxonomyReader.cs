// Longer than most files on purpose: every validation rule of the taxonomy format (docs/taxonomy-format.md), one
// method each; the compiler and the run time run exactly this file, so the rules are kept together where they can be
// read against the documentation top to bottom.
using System.Globalization;
using System.Text;
using PaperModel.Classification;
using PaperModel.Common.Matching;

namespace PaperModel.Common.Taxonomy;

/// <summary>The outcome of reading a taxonomy file.</summary>
/// <param name="Taxonomy">The validated taxonomy, or <see langword="null"/> when there is at least one error.</param>
/// <param name="Problems">Every problem found (errors and warnings), ordered by position.</param>
internal sealed record TaxonomyReadResult(TaxonomySpec? Taxonomy, EquatableArray<TaxonomyProblem> Problems);

/// <summary>
/// Reads and validates a taxonomy file (the format is described in <c>docs/taxonomy-format.md</c>). The runtime's
/// <c>Taxonomy.Load</c> and the source generator both call this, so they accept the same files and report the same
/// problems at the same positions. It never throws for bad input; only cancellation escapes.
/// </summary>
internal static class TaxonomyReader
{
    /// <summary>How many levels topics may nest (a root topic is level 1).</summary>
    public const int MaxDepth = 8;

    private static readonly string[] RootProperties = ["$schema", "name", "version", "description", "namespace", "className", "topics"];
    private static readonly string[] TopicProperties = ["id", "name", "description", "memberName", "keywords", "acronyms", "aliases", "vetoes", "categories", "threshold", "children"];
    private static readonly string[] PhraseProperties = ["text", "weight"];
    private static readonly string[] VetoProperties = ["text", "kind"];

    /// <summary>Reads a taxonomy from its text.</summary>
    public static TaxonomyReadResult Read(string text, CancellationToken cancellationToken = default)
    {
        var root = JsonTextParser.Parse(text, out var syntaxError, cancellationToken);
        if (root is null)
        {
            var problem = TaxonomyProblem.Create(TaxonomyProblemCodes.InvalidJson, syntaxError!.Position, syntaxError.Message);
            return new TaxonomyReadResult(null, new EquatableArray<TaxonomyProblem>([problem]));
        }

        var context = new Context(cancellationToken);
        var spec = context.ReadRoot(root);
        var problems = context.Problems.OrderBy(static p => p.Position.Offset).ToArray();
        var hasErrors = problems.Any(static p => p.Severity == TaxonomyProblemSeverity.Error);
        return new TaxonomyReadResult(hasErrors ? null : spec, new EquatableArray<TaxonomyProblem>(problems));
    }

    /// <summary>
    /// The key under which two phrases count as the same: case-insensitive, with every run of characters other than
    /// letters and digits (hyphens, spaces, underscores) read as one space, except a word gap (a lone <c>*</c> between
    /// white space), which stays: <c>mixture of * experts</c> is not <c>mixture of experts</c>.
    /// </summary>
    public static string PhraseKey(string text)
    {
        var builder = new StringBuilder(text.Length);
        var gapStart = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                if (gapStart >= 0 && builder.Length > 0)
                {
                    builder.Append(PhrasePattern.IsWordGap(text.Substring(gapStart, i - gapStart)) ? PhrasePattern.WordGap : " ");
                }

                gapStart = -1;
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (gapStart < 0)
            {
                gapStart = i;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Why a <c>*</c> of a phrase is not a word gap, or <see langword="null"/> when every <c>*</c> is one. A word gap is
    /// the whole text between two tokens (as <see cref="PhrasePattern"/> splits them) and is a lone <c>*</c> with white
    /// space on both sides. Any other <c>*</c> would be read as punctuation: before the first or after the last token
    /// it is ignored (<c>* experts</c> would match every <c>experts</c>), between tokens it must appear in the text,
    /// where Markdown emphasis is dropped, so the phrase could never match.
    /// </summary>
    private static string? MisplacedWordGap(string phrase)
    {
        if (phrase.IndexOf('*') < 0)
        {
            return null;
        }

        var position = 0;
        var previousStart = -1;
        var previousEnd = 0;
        while (TextTokens.NextToken(phrase, position, out var start, out var length))
        {
            var gap = phrase.Substring(previousEnd, start - previousEnd);
            if (gap.IndexOf('*') >= 0)
            {
                if (previousStart < 0)
                {
                    return "there is no word before it";
                }

                var words = phrase.Substring(previousStart, start + length - previousStart);
                if (gap.IndexOf('*') != gap.LastIndexOf('*'))
                {
                    return $"'{words}' has more than one '*' between two words, and one '*' already stands for one to {Invariant(PhrasePattern.MaxGapWords)} words";
                }

                if (!PhrasePattern.IsWordGap(gap))
                {
                    return $"in '{words}' the '*' has something other than white space beside it";
                }
            }

            previousStart = start;
            previousEnd = start + length;
            position = previousEnd;
        }

        return phrase.IndexOf('*', previousEnd) >= 0 ? "there is no word after it" : null;
    }

    /// <summary>Whether a topic id is kebab-case: lower-case ASCII letters and digits in groups joined by single hyphens.</summary>
    public static bool IsKebabCase(string id)
    {
        if (id.Length == 0 || id[0] == '-' || id[id.Length - 1] == '-')
        {
            return false;
        }

        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            var ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && id[i - 1] != '-');
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a value looks like an arXiv category: <c>cs.CL</c>, <c>stat.ML</c>, <c>hep-th</c>, <c>q-bio.NC</c>.</summary>
    public static bool IsArxivCategory(string category)
    {
        var dot = category.IndexOf('.');
        var archive = dot < 0 ? category : category.Substring(0, dot);
        if (!IsCategoryPart(archive, lowerOnly: true))
        {
            return false;
        }

        return dot < 0 || IsCategoryPart(category.Substring(dot + 1), lowerOnly: false);
    }

    private static bool IsCategoryPart(string part, bool lowerOnly)
    {
        if (part.Length == 0 || !char.IsLetter(part[0]))
        {
            return false;
        }

        foreach (var c in part)
        {
            var ok = (c >= 'a' && c <= 'z') || c == '-' || (!lowerOnly && c >= 'A' && c <= 'Z');
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class Context(CancellationToken cancellationToken)
    {
        private readonly Dictionary<string, TextPosition> _ids = new(StringComparer.Ordinal);
        private readonly List<TopicSpec> _topics = [];

        public List<TaxonomyProblem> Problems { get; } = [];

        public TaxonomySpec? ReadRoot(JsonNode root)
        {
            if (root.Kind != JsonKind.Object)
            {
                Report(TaxonomyProblemCodes.WrongType, root.Position, "taxonomy", "an object", root.KindName);
                return null;
            }

            var props = Properties(root, RootProperties, "taxonomy");
            var name = RequiredString(props, "name", "taxonomy", root.Position);
            var version = RequiredString(props, "version", "taxonomy", root.Position);
            var description = OptionalString(props, "description", allowEmpty: true) ?? string.Empty;
            OptionalString(props, "$schema", allowEmpty: true);
            var ns = OptionalString(props, "namespace", allowEmpty: false);
            var className = OptionalString(props, "className", allowEmpty: false);

            if (!props.TryGetValue("topics", out var topics))
            {
                Report(TaxonomyProblemCodes.MissingProperty, root.Position, "taxonomy", "topics");
            }
            else if (topics.Value.Kind != JsonKind.Array)
            {
                ReportWrongType(topics, "an array of topics");
            }
            else if (topics.Value.Items.Count == 0)
            {
                Report(TaxonomyProblemCodes.InvalidValue, topics.Value.Position, "topics", "a taxonomy needs at least one topic");
            }
            else
            {
                ReadTopicList(topics.Value, "topics", parentId: null, depth: 0);
            }

            return name is null || version is null
                ? null
                : new TaxonomySpec(
                    name,
                    version,
                    description,
                    ns,
                    className,
                    new EquatableArray<TopicSpec>([.. _topics]),
                    props.TryGetValue("namespace", out var nsProp) ? nsProp.Value.Position : TextPosition.Start,
                    props.TryGetValue("className", out var classProp) ? classProp.Value.Position : TextPosition.Start);
        }

        private void ReadTopicList(JsonNode array, string propertyName, string? parentId, int depth)
        {
            // Phrase key -> (topic id, position) over the direct phrases of these siblings.
            var siblingPhrases = new Dictionary<string, (string TopicId, TextPosition Position)>(StringComparer.Ordinal);
            for (var i = 0; i < array.Items.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var item = array.Items[i];
                if (item.Kind != JsonKind.Object)
                {
                    Report(TaxonomyProblemCodes.WrongType, item.Position, $"{propertyName}[{Invariant(i)}]", "a topic object", item.KindName);
                    continue;
                }

                ReadTopic(item, parentId, depth, siblingPhrases);
            }
        }

        private void ReadTopic(JsonNode node, string? parentId, int depth, Dictionary<string, (string TopicId, TextPosition Position)> siblingPhrases)
        {
            var props = Properties(node, TopicProperties, "topic");
            var id = RequiredString(props, "id", "topic", node.Position);
            var idPosition = props.TryGetValue("id", out var idProp) ? idProp.Value.Position : node.Position;
            var owner = id is null ? "topic" : $"topic '{id}'";
            var name = RequiredString(props, "name", owner, node.Position);
            var description = OptionalString(props, "description", allowEmpty: true) ?? string.Empty;
            var memberName = OptionalString(props, "memberName", allowEmpty: false);
            var memberNamePosition = props.TryGetValue("memberName", out var memberProp) ? memberProp.Value.Position : idPosition;

            var idIsUsable = false;
            if (id is not null)
            {
                if (!IsKebabCase(id))
                {
                    Report(TaxonomyProblemCodes.InvalidTopicId, idPosition, id);
                }
                else if (_ids.TryGetValue(id, out var first))
                {
                    Report(TaxonomyProblemCodes.DuplicateTopicId, idPosition, id, Invariant(first.Line));
                }
                else
                {
                    _ids.Add(id, idPosition);
                    idIsUsable = true;
                }
            }

            var topicLabel = id ?? "?";
            var phrases = new List<PhraseSpec>();
            ReadPhrases(props, "keywords", PhraseKind.Keyword, topicLabel, phrases);
            ReadPhrases(props, "acronyms", PhraseKind.Acronym, topicLabel, phrases);
            ReadPhrases(props, "aliases", PhraseKind.Keyword, topicLabel, phrases);
            var vetoes = new List<PhraseSpec>();
            ReadPhrases(props, "vetoes", PhraseKind.Keyword, topicLabel, vetoes);
            ReportDuplicates(phrases, topicLabel);
            ReportDuplicates(vetoes, topicLabel);
            foreach (var phrase in phrases)
            {
                var key = PhraseKey(phrase.Text);
                if (siblingPhrases.TryGetValue(key, out var other))
                {
                    if (other.TopicId != topicLabel)
                    {
                        Report(TaxonomyProblemCodes.SiblingPhraseConflict, phrase.Position, phrase.Text, topicLabel, other.TopicId, Invariant(other.Position.Line));
                    }
                }
                else
                {
                    siblingPhrases.Add(key, (topicLabel, phrase.Position));
                }
            }

            var categories = ReadCategories(props);
            var threshold = ReadThreshold(props);

            var tooDeep = depth >= MaxDepth;
            if (tooDeep)
            {
                Report(TaxonomyProblemCodes.TooDeep, idPosition, topicLabel, Invariant(depth + 1), Invariant(MaxDepth));
            }

            if (idIsUsable && name is not null)
            {
                _topics.Add(new TopicSpec(
                    id!,
                    name,
                    description,
                    parentId,
                    depth,
                    new EquatableArray<PhraseSpec>([.. phrases]),
                    new EquatableArray<PhraseSpec>([.. vetoes]),
                    categories,
                    threshold,
                    memberName,
                    idPosition,
                    memberNamePosition));
            }

            if (props.TryGetValue("children", out var children) && !tooDeep)
            {
                if (children.Value.Kind != JsonKind.Array)
                {
                    ReportWrongType(children, "an array of topics");
                }
                else
                {
                    ReadTopicList(children.Value, "children", idIsUsable ? id : null, depth + 1);
                }
            }
        }

        private void ReadPhrases(Dictionary<string, JsonProperty> props, string propertyName, PhraseKind defaultKind, string topicId, List<PhraseSpec> into)
        {
            if (!props.TryGetValue(propertyName, out var prop))
            {
                return;
            }

            if (prop.Value.Kind != JsonKind.Array)
            {
                ReportWrongType(prop, "an array of phrases");
                return;
            }

            var isVeto = propertyName == "vetoes";
            var items = prop.Value.Items;
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                var itemName = $"{propertyName}[{Invariant(i)}]";
                if (item.Kind == JsonKind.String)
                {
                    AddPhrase(item.Text!, item.Position, 1.0, defaultKind, propertyName, topicId, into);
                }
                else if (item.Kind == JsonKind.Object)
                {
                    var phraseProps = Properties(item, isVeto ? VetoProperties : PhraseProperties, "phrase");
                    if (!phraseProps.TryGetValue("text", out var textProp))
                    {
                        Report(TaxonomyProblemCodes.MissingProperty, item.Position, "phrase", "text");
                        continue;
                    }

                    if (textProp.Value.Kind != JsonKind.String)
                    {
                        ReportWrongType(textProp, "a string");
                        continue;
                    }

                    var weight = isVeto ? 1.0 : ReadWeight(phraseProps);
                    var kind = isVeto ? ReadVetoKind(phraseProps) : defaultKind;
                    if (weight is not null && kind is not null)
                    {
                        AddPhrase(textProp.Value.Text!, textProp.Value.Position, weight.Value, kind.Value, propertyName, topicId, into);
                    }
                }
                else
                {
                    Report(TaxonomyProblemCodes.WrongType, item.Position, itemName, "a string or a phrase object", item.KindName);
                }
            }
        }

        private void AddPhrase(string text, TextPosition position, double weight, PhraseKind kind, string propertyName, string topicId, List<PhraseSpec> into)
        {
            var trimmed = text.Trim();
            if (PhraseKey(trimmed).Length == 0)
            {
                Report(TaxonomyProblemCodes.EmptyPhrase, position, propertyName, topicId);
                return;
            }

            var misplacedGap = MisplacedWordGap(trimmed);
            if (misplacedGap is not null)
            {
                Report(TaxonomyProblemCodes.MisplacedWordGap, position, trimmed, topicId, misplacedGap);
                return;
            }

            into.Add(new PhraseSpec(trimmed, weight, kind, position));
        }

        private double? ReadWeight(Dictionary<string, JsonProperty> phraseProps)
        {
            if (!phraseProps.TryGetValue("weight", out var weightProp))
            {
                return 1.0;
            }

            if (weightProp.Value.Kind != JsonKind.Number)
            {
                ReportWrongType(weightProp, "a number");
                return null;
            }

            var weight = weightProp.Value.Number;
            if (!(weight > 0 && weight <= 1))
            {
                Report(TaxonomyProblemCodes.InvalidValue, weightProp.Value.Position, "weight", $"a weight must be greater than 0 and at most 1, not {Invariant(weight)}");
                return null;
            }

            return weight;
        }

        private PhraseKind? ReadVetoKind(Dictionary<string, JsonProperty> phraseProps)
        {
            if (!phraseProps.TryGetValue("kind", out var kindProp))
            {
                return PhraseKind.Keyword;
            }

            if (kindProp.Value.Kind != JsonKind.String)
            {
                ReportWrongType(kindProp, "a string");
                return null;
            }

            switch (kindProp.Value.Text)
            {
                case "keyword":
                    return PhraseKind.Keyword;
                case "acronym":
                    return PhraseKind.Acronym;
                default:
                    Report(TaxonomyProblemCodes.InvalidValue, kindProp.Value.Position, "kind", $"expected 'keyword' or 'acronym', not '{kindProp.Value.Text}'");
                    return null;
            }
        }

        private void ReportDuplicates(List<PhraseSpec> phrases, string topicId)
        {
            var seen = new Dictionary<string, TextPosition>(StringComparer.Ordinal);
            foreach (var phrase in phrases)
            {
                var key = phrase.Kind + ":" + PhraseKey(phrase.Text);
                if (seen.TryGetValue(key, out var first))
                {
                    Report(TaxonomyProblemCodes.DuplicatePhrase, phrase.Position, phrase.Text, topicId, Invariant(first.Line));
                }
                else
                {
                    seen.Add(key, phrase.Position);
                }
            }
        }

        private EquatableArray<string> ReadCategories(Dictionary<string, JsonProperty> props)
        {
            if (!props.TryGetValue("categories", out var prop))
            {
                return EquatableArray<string>.Empty;
            }

            if (prop.Value.Kind != JsonKind.Array)
            {
                ReportWrongType(prop, "an array of arXiv categories");
                return EquatableArray<string>.Empty;
            }

            var categories = new List<string>();
            for (var i = 0; i < prop.Value.Items.Count; i++)
            {
                var item = prop.Value.Items[i];
                if (item.Kind != JsonKind.String)
                {
                    Report(TaxonomyProblemCodes.WrongType, item.Position, $"categories[{Invariant(i)}]", "a string", item.KindName);
                }
                else if (!IsArxivCategory(item.Text!))
                {
                    Report(TaxonomyProblemCodes.InvalidValue, item.Position, "categories", $"'{item.Text}' is not an arXiv category such as 'cs.CL' or 'hep-th'");
                }
                else if (!categories.Contains(item.Text!))
                {
                    categories.Add(item.Text!);
                }
            }

            return new EquatableArray<string>([.. categories]);
        }

        private double? ReadThreshold(Dictionary<string, JsonProperty> props)
        {
            if (!props.TryGetValue("threshold", out var prop))
            {
                return null;
            }

            if (prop.Value.Kind != JsonKind.Number)
            {
                ReportWrongType(prop, "a number");
                return null;
            }

            var value = prop.Value.Number;
            if (!(value >= 0 && value <= 1))
            {
                Report(TaxonomyProblemCodes.InvalidValue, prop.Value.Position, "threshold", $"a threshold must be between 0 and 1, not {Invariant(value)}");
                return null;
            }

            return value;
        }

        /// <summary>Indexes an object's properties, reporting duplicates and unknown names (both are then ignored).</summary>
        private Dictionary<string, JsonProperty> Properties(JsonNode node, string[] known, string owner)
        {
            var result = new Dictionary<string, JsonProperty>(StringComparer.Ordinal);
            foreach (var prop in node.Properties)
            {
                if (result.TryGetValue(prop.Name, out var first))
                {
                    Report(TaxonomyProblemCodes.DuplicateProperty, prop.NamePosition, prop.Name, Invariant(first.NamePosition.Line));
                }
                else if (Array.IndexOf(known, prop.Name) < 0)
                {
                    Report(TaxonomyProblemCodes.UnknownProperty, prop.NamePosition, prop.Name, owner, string.Join(", ", known));
                }
                else
                {
                    result.Add(prop.Name, prop);
                }
            }

            return result;
        }

        private string? RequiredString(Dictionary<string, JsonProperty> props, string name, string owner, TextPosition ownerPosition)
        {
            if (!props.ContainsKey(name))
            {
                Report(TaxonomyProblemCodes.MissingProperty, ownerPosition, owner, name);
                return null;
            }

            return OptionalString(props, name, allowEmpty: false);
        }

        private string? OptionalString(Dictionary<string, JsonProperty> props, string name, bool allowEmpty)
        {
            if (!props.TryGetValue(name, out var prop))
            {
                return null;
            }

            if (prop.Value.Kind != JsonKind.String)
            {
                ReportWrongType(prop, "a string");
                return null;
            }

            var text = prop.Value.Text!;
            if (!allowEmpty && text.Trim().Length == 0)
            {
                Report(TaxonomyProblemCodes.InvalidValue, prop.Value.Position, name, "it must not be empty");
                return null;
            }

            return text;
        }

        private void ReportWrongType(JsonProperty prop, string expected) =>
            Report(TaxonomyProblemCodes.WrongType, prop.Value.Position, prop.Name, expected, prop.Value.KindName);

        private void Report(string code, TextPosition position, params string[] arguments) =>
            Problems.Add(TaxonomyProblem.Create(code, position, arguments));
    }
}
