// Writes a large arXiv metadata snapshot (JSON Lines) for memory and speed measurements, made of the real sample lines
// with fresh ids. Not test data: generate it, measure, delete it.
//
//   dotnet run tests/benchmarks/generate-arxiv-metadata.cs -- /tmp/arxiv-200mb.jsonl 200
//
// Arguments: the output file and its approximate size in megabytes (default 200).
using System.Globalization;
using System.Text;

var output = args.Length > 0 ? args[0] : "arxiv-metadata-generated.jsonl";
var megabytes = args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 200;
var sample = Path.Combine(FindRoot(), "samples", "formats", "arxiv-metadata-snapshot.sample.jsonl");
var lines = File.ReadAllLines(sample).Where(static l => l.Length > 0).ToArray();

var target = megabytes * 1024 * 1024;
long written = 0;
var count = 0;
using (var writer = new StreamWriter(output, false, new UTF8Encoding(false), 1 << 16))
{
    while (written < target)
    {
        var line = lines[count % lines.Length];
        var idStart = line.IndexOf("\"id\":\"", StringComparison.Ordinal) + 6;
        var idEnd = line.IndexOf('"', idStart);

        // New-style ids from 1501 on: YYMM.NNNNN, 99,999 per month.
        var month = 1501 + (count / 99_999 / 12 * 100) + (count / 99_999 % 12);
        var id = string.Create(CultureInfo.InvariantCulture, $"{month:0000}.{(count % 99_999) + 1:00000}");
        var generated = string.Concat(line.AsSpan(0, idStart), id, line.AsSpan(idEnd));
        writer.Write(generated);
        writer.Write('\n');
        written += Encoding.UTF8.GetByteCount(generated) + 1;
        count++;
    }
}

Console.WriteLine($"{output}: {count} lines, {written / (1024.0 * 1024.0):F1} MiB");

static string FindRoot()
{
    var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PaperModel.sln")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
}
