// A consumer app of the packed PaperModel package (copied into a fresh project by ConsumerTests).
// Arguments: the Daily Papers page text sample, the Hugging Face API JSON sample.
using System.Reflection;
using System.Runtime.Versioning;
using Consumer;
using PaperModel;
using PaperModel.Classification;
using PaperModel.Serialization;
using PaperModel.Formats;

var library = typeof(Paper).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;
Console.WriteLine($"library: {library}");

// The format of the page is detected from its content.
var page = PaperReader.ReadFile(args[0], options: new PaperReadOptions { Year = 2025 });
Console.WriteLine($"page: {page.Papers.Count} papers, {page.Problems.Count} problems");
foreach (var paper in page.Papers)
{
    Console.WriteLine($"title: {paper.Title}");
}

PaperReadResult result;
using (var stream = File.OpenRead(args[1]))
{
    result = PaperReadResult.From(PaperFormats.HuggingFaceApi.Read(stream, new PaperReadOptions { SourceName = Path.GetFileName(args[1]) }));
}

Console.WriteLine($"read: {result.Papers.Count} papers, {result.Problems.Count(static p => p.Severity == ProblemSeverity.Error)} errors");
foreach (var paper in result.Papers)
{
    Console.WriteLine($"paper: {paper.ArxivId} {paper.Title}");
}

Console.WriteLine($"json round trip: {result.Papers.All(static p => PaperJson.Deserialize(PaperJson.Serialize(p)) == p)}");

var taxonomy = Taxonomy.LoadFile(Path.Combine(AppContext.BaseDirectory, "my.taxonomy.json"));
Console.WriteLine($"taxonomy: {taxonomy.Name} {taxonomy.Version}: {string.Join(", ", taxonomy.Topics.Select(static t => t.Path))}");

// Typed topics generated at compile time from my.taxonomy.json by the package's source generator.
Topic lora = MyTopics.Peft.Lora;
Console.WriteLine($"generated: {MyTopics.Taxonomy.Name} {lora.Path} parent={lora.Parent?.Id} topics={MyTopics.All.Count} id={MyTopics.GetId(lora)}");
Console.WriteLine($"switch: {string.Join(", ", MyTopics.All.Select(static t => Describe(MyTopics.GetId(t))))}");

var classifier = MyTopics.Classifier;
foreach (var paper in page.Papers)
{
    var classification = classifier.Classify(paper);
    Console.WriteLine($"classified: [{string.Join(",", classification.Topics.Select(static a => a.Topic.Path))}] {paper.Title}");
}

static string Describe(MyTopics.TopicId id) => id switch
{
    MyTopics.TopicId.Peft => "peft",
    MyTopics.TopicId.Lora => "lora",
    MyTopics.TopicId.Adapters => "adapters",
    MyTopics.TopicId.MixtureOfExperts => "moe",
    _ => throw new ArgumentOutOfRangeException(nameof(id)),
};
