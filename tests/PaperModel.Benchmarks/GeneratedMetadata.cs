using System.Globalization;
using System.Text;
using PaperModel.Testing;

namespace PaperModel.Benchmarks;

/// <summary>
/// arXiv metadata JSON Lines made of the real sample lines with fresh new-style ids, as
/// <c>tests/benchmarks/generate-arxiv-metadata.cs</c> writes them, held in memory or written to a temporary file.
/// </summary>
public static class GeneratedMetadata
{
    /// <summary>About <paramref name="megabytes"/> MiB of lines.</summary>
    public static byte[] Create(int megabytes)
    {
        var lines = File.ReadAllLines(RepoPaths.Format("arxiv-metadata-snapshot.sample.jsonl")).Where(static l => l.Length > 0).ToArray();
        var target = megabytes * 1024L * 1024L;
        using var output = new MemoryStream((int)target + (1 << 16));
        for (var count = 0; output.Length < target; count++)
        {
            var line = lines[count % lines.Length];
            var idStart = line.IndexOf("\"id\":\"", StringComparison.Ordinal) + 6;
            var idEnd = line.IndexOf('"', idStart);
            var month = 1501 + (count / 99_999 / 12 * 100) + (count / 99_999 % 12);
            var id = string.Create(CultureInfo.InvariantCulture, $"{month:0000}.{(count % 99_999) + 1:00000}");
            output.Write(Encoding.UTF8.GetBytes(string.Concat(line.AsSpan(0, idStart), id, line.AsSpan(idEnd), "\n")));
        }

        return output.ToArray();
    }

    /// <summary>Writes about <paramref name="megabytes"/> MiB of lines to a new temporary file and returns its path.</summary>
    public static string WriteTemporaryFile(int megabytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"papermodel-arxiv-{megabytes}mb-{Environment.ProcessId}.jsonl");
        File.WriteAllBytes(path, Create(megabytes));
        return path;
    }
}
