using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using PaperModel.Classification.Generated;
using PaperModel.Common.Taxonomy;
using PaperModel.Formats;

namespace PaperModel.Classification;

/// <summary>
/// A topic taxonomy: a named, versioned tree of <see cref="Topic"/>s. Load one from a taxonomy file
/// (<c>*.taxonomy.json</c>, described in <c>docs/taxonomy-format.md</c>) with <see cref="LoadFile(string)"/> or
/// <see cref="TryLoadFile(string, out Taxonomy?, out IReadOnlyList{ParseProblem})"/>, or add the file to a project and
/// use the class the source generator builds from it, which reports the same problems at compile time. Immutable and
/// thread-safe.
/// </summary>
/// <remarks>
/// Lookups follow the library's convention: <c>TryGet…</c> returns whether it found the item, <c>Get…</c> throws when
/// there is none and <c>Find…</c> returns <see langword="null"/>. Likewise <c>Load…</c>/<c>Parse</c> throw a
/// <see cref="TaxonomyLoadException"/> listing every problem and <c>TryLoad…</c>/<c>TryParse</c> return the problems.
/// </remarks>
public sealed class Taxonomy
{
    private readonly Dictionary<string, Topic> _byId;

    internal Taxonomy(string name, string version, string description, IReadOnlyList<Topic> topics)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Version = version ?? throw new ArgumentNullException(nameof(version));
        Description = description ?? throw new ArgumentNullException(nameof(description));
        if (topics is null)
        {
            throw new ArgumentNullException(nameof(topics));
        }

        _byId = new Dictionary<string, Topic>(topics.Count, StringComparer.Ordinal);
        var all = new Topic[topics.Count];
        var children = new Dictionary<Topic, List<Topic>>();
        var roots = new List<Topic>();
        for (var i = 0; i < topics.Count; i++)
        {
            var topic = topics[i] ?? throw new ArgumentException("The topic list contains null.", nameof(topics));
            if (topic.IsAttached)
            {
                throw new ArgumentException($"Topic '{topic.Id}' already belongs to a taxonomy.", nameof(topics));
            }

            Topic? parent = null;
            if (topic.ParentId is { } parentId && !_byId.TryGetValue(parentId, out parent))
            {
                throw new ArgumentException($"The parent '{parentId}' of topic '{topic.Id}' must come before it.", nameof(topics));
            }

            if (_byId.ContainsKey(topic.Id))
            {
                throw new ArgumentException($"Topic id '{topic.Id}' is used twice.", nameof(topics));
            }

            _byId.Add(topic.Id, topic);
            all[i] = topic;
            topic.Attach(this, i, parent);
            children[topic] = [];
            (parent is null ? roots : children[parent]).Add(topic);
        }

        foreach (var pair in children)
        {
            pair.Key.SetChildren(pair.Value);
        }

        Topics = Array.AsReadOnly(all);
        Roots = roots.AsReadOnly();
    }

    /// <summary>The taxonomy's name.</summary>
    public string Name { get; }

    /// <summary>The taxonomy's version (free text, e.g. <c>1.2.0</c>).</summary>
    public string Version { get; }

    /// <summary>The description, empty when the file has none.</summary>
    public string Description { get; }

    /// <summary>All topics in pre-order (each parent before its children, siblings in file order); <see cref="Topic.Index"/> is the position here.</summary>
    public IReadOnlyList<Topic> Topics { get; }

    /// <summary>The top-level topics.</summary>
    public IReadOnlyList<Topic> Roots { get; }

    /// <summary>Gets a topic by id.</summary>
    /// <param name="id">The topic id (<c>lora</c>).</param>
    /// <returns>The topic.</returns>
    /// <exception cref="KeyNotFoundException">The taxonomy has no topic with that id.</exception>
    public Topic GetTopic(string id) => TryGetTopic(id, out var topic)
        ? topic
        : throw new KeyNotFoundException($"The taxonomy '{Name}' has no topic '{id}'.");

    /// <summary>Finds a topic by id.</summary>
    /// <param name="id">The topic id (<c>lora</c>).</param>
    /// <returns>The topic, or <see langword="null"/> when the taxonomy has no topic with that id.</returns>
    public Topic? FindTopic(string id) => TryGetTopic(id, out var topic) ? topic : null;

    /// <summary>Tries to get a topic by id.</summary>
    /// <param name="id">The topic id (<c>lora</c>).</param>
    /// <param name="topic">The topic, when found.</param>
    /// <returns>Whether the taxonomy has a topic with that id.</returns>
    public bool TryGetTopic(string id, [NotNullWhen(true)] out Topic? topic) =>
        _byId.TryGetValue(id ?? throw new ArgumentNullException(nameof(id)), out topic);

    /// <summary>Whether the taxonomy has a topic with that id.</summary>
    /// <param name="id">The topic id.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool Contains(string id) => TryGetTopic(id, out _);

    /// <summary>Reads and validates a taxonomy file from a stream (UTF-8, or UTF-16/32 with a byte order mark). The stream is not disposed.</summary>
    /// <param name="stream">The taxonomy file's content.</param>
    /// <param name="sourceName">The file name to show in problems, if any.</param>
    /// <returns>The taxonomy.</returns>
    /// <exception cref="TaxonomyLoadException">The file has errors; the exception lists them with line and column.</exception>
    public static Taxonomy Load(Stream stream, string? sourceName = null) =>
        Parse(ReadAll(stream), sourceName);

    /// <summary>Reads and validates a taxonomy file.</summary>
    /// <param name="path">The path of the <c>*.taxonomy.json</c> file.</param>
    /// <returns>The taxonomy.</returns>
    /// <exception cref="TaxonomyLoadException">
    /// The file has errors, or cannot be read (PM0002: it does not exist, is a directory or is locked); the exception
    /// lists the problems with line and column.
    /// </exception>
    public static Taxonomy LoadFile(string path) =>
        TryLoadFile(path, out var taxonomy, out var problems)
            ? taxonomy
            : throw new TaxonomyLoadException(path, problems);

    /// <summary>Reads and validates a taxonomy file without throwing for errors in it or for a file that cannot be read.</summary>
    /// <param name="path">The path of the <c>*.taxonomy.json</c> file; problems name it.</param>
    /// <param name="taxonomy">The taxonomy, when there are no errors.</param>
    /// <param name="problems">
    /// Every problem found, errors and warnings, in file order; a file that cannot be read (it does not exist, is a
    /// directory or is locked) is one PM0002 error that says why.
    /// </param>
    /// <returns>Whether the taxonomy could be loaded (there may still be warnings).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    public static bool TryLoadFile(string path, [NotNullWhen(true)] out Taxonomy? taxonomy, out IReadOnlyList<ParseProblem> problems)
    {
        using var stream = InputFile.TryOpen(path ?? throw new ArgumentNullException(nameof(path)), 4096, FileOptions.None, out var failure, out var error);
        if (stream is null)
        {
            var message = string.Format(CultureInfo.InvariantCulture, TaxonomyProblemCodes.MessageFormatOf(TaxonomyProblemCodes.FileUnreadable), Path.GetFileName(path), InputFile.Describe(failure, error));
            taxonomy = null;
            problems = [new ParseProblem(TaxonomyProblemCodes.FileUnreadable, message, path, 0, 0)];
            return false;
        }

        return TryLoad(stream, path, out taxonomy, out problems);
    }

    /// <summary>Reads and validates a taxonomy from its JSON text.</summary>
    /// <param name="json">The JSON text of a taxonomy file.</param>
    /// <param name="sourceName">The file name to show in problems, if any.</param>
    /// <returns>The taxonomy.</returns>
    /// <exception cref="TaxonomyLoadException">The text has errors; the exception lists them with line and column.</exception>
    public static Taxonomy Parse(string json, string? sourceName = null) =>
        TryParse(json, sourceName, out var taxonomy, out var problems)
            ? taxonomy
            : throw new TaxonomyLoadException(sourceName, problems);

    /// <summary>Reads and validates a taxonomy file from a stream without throwing for errors in it.</summary>
    /// <param name="stream">The taxonomy file's content. It is not disposed.</param>
    /// <param name="sourceName">The file name to show in problems, if any.</param>
    /// <param name="taxonomy">The taxonomy, when there are no errors.</param>
    /// <param name="problems">Every problem found, errors and warnings, in file order.</param>
    /// <returns>Whether the taxonomy could be loaded (there may still be warnings).</returns>
    public static bool TryLoad(Stream stream, string? sourceName, [NotNullWhen(true)] out Taxonomy? taxonomy, out IReadOnlyList<ParseProblem> problems) =>
        TryParse(ReadAll(stream), sourceName, out taxonomy, out problems);

    /// <summary>Reads and validates a taxonomy from its JSON text without throwing for errors in it.</summary>
    /// <param name="json">The JSON text of a taxonomy file.</param>
    /// <param name="sourceName">The file name to show in problems, if any.</param>
    /// <param name="taxonomy">The taxonomy, when there are no errors.</param>
    /// <param name="problems">Every problem found, errors and warnings, in file order.</param>
    /// <returns>Whether the taxonomy could be loaded (there may still be warnings).</returns>
    public static bool TryParse(string json, string? sourceName, [NotNullWhen(true)] out Taxonomy? taxonomy, out IReadOnlyList<ParseProblem> problems)
    {
        var result = TaxonomyReader.Read(json ?? throw new ArgumentNullException(nameof(json)));
        problems = Array.AsReadOnly(result.Problems.Select(p => ToParseProblem(p, sourceName)).ToArray());
        taxonomy = result.Taxonomy is { } spec ? FromSpec(spec) : null;
        return taxonomy is not null;
    }

    /// <summary>Returns the name and version.</summary>
    /// <returns><c>name version</c>.</returns>
    public override string ToString() => Name + " " + Version;

    internal static ParseProblem ToParseProblem(TaxonomyProblem problem, string? sourceName) =>
        new(
            problem.Code,
            problem.Message,
            sourceName,
            problem.Position.Line,
            problem.Position.Column,
            problem.Severity == TaxonomyProblemSeverity.Error ? ProblemSeverity.Error : ProblemSeverity.Warning);

    /// <summary>The data of a topic read from a taxonomy file or from generated tables.</summary>
    internal static TopicDefinition DefinitionOf(TopicSpec t) =>
        new(
            t.Id,
            t.Name,
            t.Description,
            t.ParentId,
            t.Phrases.Select(ToPhrase).ToArray(),
            t.Vetoes.Select(ToPhrase).ToArray(),
            t.Categories.ToArray(),
            t.Threshold);

    private static Taxonomy FromSpec(TaxonomySpec spec) =>
        new(spec.Name, spec.Version, spec.Description, spec.Topics.Select(static t => new Topic(DefinitionOf(t))).ToArray());

    private static TopicPhrase ToPhrase(PhraseSpec phrase) => new(phrase.Text, phrase.Weight, phrase.Kind);

    private static string ReadAll(Stream stream)
    {
        using var reader = new StreamReader(
            stream ?? throw new ArgumentNullException(nameof(stream)),
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false),
            detectEncodingFromByteOrderMarks: true,
            bufferSize: 4096,
            leaveOpen: true);
        return reader.ReadToEnd();
    }
}

/// <summary>The exception thrown when a taxonomy file has errors. <see cref="Problems"/> lists all of them.</summary>
public sealed class TaxonomyLoadException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="sourceName">The file name, if known.</param>
    /// <param name="problems">The problems found (at least one error).</param>
    public TaxonomyLoadException(string? sourceName, IReadOnlyList<ParseProblem> problems)
        : base(BuildMessage(sourceName, problems ?? throw new ArgumentNullException(nameof(problems))))
    {
        Problems = problems;
    }

    /// <summary>Every problem found, errors and warnings, in file order.</summary>
    public IReadOnlyList<ParseProblem> Problems { get; }

    private static string BuildMessage(string? sourceName, IReadOnlyList<ParseProblem> problems)
    {
        var errors = problems.Count(static p => p.Severity == ProblemSeverity.Error);
        var builder = new StringBuilder()
            .Append("The taxonomy ")
            .Append(sourceName is null ? string.Empty : "'" + sourceName + "' ")
            .Append("has ")
            .Append(errors == 1 ? "1 error" : errors.ToString(System.Globalization.CultureInfo.InvariantCulture) + " errors")
            .Append(':');
        foreach (var problem in problems)
        {
            builder.Append('\n').Append(problem);
        }

        return builder.ToString();
    }
}
