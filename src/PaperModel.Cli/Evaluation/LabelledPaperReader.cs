using System.Text.Json;

namespace PaperModel.Cli.Evaluation;

/// <summary>
/// Reads labelled papers: a TSV file whose header names a <c>labels</c> column (topic ids separated by commas,
/// <c>none</c> for no topic) and a <c>title</c> column, with optional <c>abstract</c> and <c>id</c> columns; or JSON
/// Lines whose objects carry a <c>labels</c> array of topic ids, a <c>title</c>, and optional <c>abstract</c> and
/// <c>id</c>. The kind is told by the first character of the file (<c>{</c> for JSON Lines). Every bad record is
/// reported as <c>file(line,col): error PM1901: message</c> and skipped.
/// </summary>
internal static class LabelledPaperReader
{
    /// <summary>The code of every problem in a labels file.</summary>
    public const string ProblemCode = "PM1901";

    /// <summary>The label that means "no topic".</summary>
    public const string NoTopic = "none";

    /// <summary>Reads the labelled papers of a file; problems go to <paramref name="problems"/>.</summary>
    public static List<LabelledPaper> Read(string path, TextReader text, List<string> problems)
    {
        var papers = new List<LabelledPaper>();
        var lineNumber = 0;
        string? line;
        string[]? header = null;
        var jsonLines = false;
        while ((line = text.ReadLine()) is not null)
        {
            lineNumber++;
            if (lineNumber == 1)
            {
                line = line.TrimStart('\uFEFF');
                jsonLines = line.TrimStart().StartsWith('{');
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (jsonLines)
            {
                ReadJsonLine(path, lineNumber, line, papers, problems);
            }
            else if (header is null)
            {
                header = line.Split('\t');
                if (Array.IndexOf(header, "labels") < 0 || Array.IndexOf(header, "title") < 0)
                {
                    problems.Add($"{path}({lineNumber},1): error {ProblemCode}: the header must name a 'labels' and a 'title' column (tab-separated), not '{line}'.");
                    return papers;
                }
            }
            else
            {
                ReadTsvLine(path, lineNumber, header, line, papers, problems);
            }
        }

        if (!jsonLines && header is null)
        {
            problems.Add($"{path}(1,1): error {ProblemCode}: the file is empty; expected a TSV header with 'labels' and 'title' or JSON Lines.");
        }

        return papers;
    }

    private static void ReadTsvLine(string path, int lineNumber, string[] header, string line, List<LabelledPaper> papers, List<string> problems)
    {
        var cells = line.Split('\t');
        if (cells.Length != header.Length)
        {
            problems.Add($"{path}({lineNumber},1): error {ProblemCode}: {cells.Length} cells where the header has {header.Length}.");
            return;
        }

        string? Cell(string name) => Array.IndexOf(header, name) is var i and >= 0 ? cells[i] : null;
        Add(path, lineNumber, Cell("id"), Cell("title"), Cell("abstract"), Cell("labels")!.Split(','), papers, problems);
    }

    private static void ReadJsonLine(string path, int lineNumber, string line, List<LabelledPaper> papers, List<string> problems)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("labels", out var labels) || labels.ValueKind != JsonValueKind.Array)
            {
                problems.Add($"{path}({lineNumber},1): error {ProblemCode}: expected an object with a 'labels' array of topic ids.");
                return;
            }

            var ids = new List<string>();
            foreach (var label in labels.EnumerateArray())
            {
                if (label.ValueKind != JsonValueKind.String)
                {
                    problems.Add($"{path}({lineNumber},1): error {ProblemCode}: 'labels' must hold strings (topic ids), not {label.ValueKind}.");
                    return;
                }

                ids.Add(label.GetString()!);
            }

            Add(path, lineNumber, String(root, "id"), String(root, "title"), String(root, "abstract"), ids, papers, problems);
        }
        catch (JsonException ex)
        {
            problems.Add($"{path}({lineNumber},{(ex.BytePositionInLine ?? 0) + 1}): error {ProblemCode}: not valid JSON: {ex.Message}");
        }

        static string? String(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    private static void Add(string path, int lineNumber, string? id, string? title, string? @abstract, IEnumerable<string> labels, List<LabelledPaper> papers, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(title) && string.IsNullOrWhiteSpace(id))
        {
            problems.Add($"{path}({lineNumber},1): error {ProblemCode}: the record has neither a title nor an id.");
            return;
        }

        var set = labels.Select(l => l.Trim()).Where(l => l.Length > 0 && l != NoTopic).ToHashSet(StringComparer.Ordinal);
        var paper = new Paper(string.IsNullOrWhiteSpace(id) ? $"{path}:{lineNumber}" : id!, title ?? string.Empty)
        {
            Abstract = @abstract ?? string.Empty,
        };
        papers.Add(new LabelledPaper(paper, set, path, lineNumber));
    }
}
