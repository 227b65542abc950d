using PaperModel.Classification;

namespace PaperModel.Generators.Tests;

/// <summary>Consumer code compiled against the generated class, then run.</summary>
public class GeneratedCodeTests
{
    private const string Consumer = """
        using System.Linq;
        using PaperModel.Classification;

        namespace Consumer.App;

        public static class Probe
        {
            public static string Run()
            {
                Topic lora = MyTopics.Peft.Lora;                       // a child is a Topic
                MyTopics.TopicTypes.Peft typed = MyTopics.Peft;        // a topic with children has a typed class
                Topic peft = typed;                                    // that is a Topic too
                var id = MyTopics.GetId(lora);
                var kind = id switch
                {
                    MyTopics.TopicId.Peft => "peft",
                    MyTopics.TopicId.Lora => "lora",
                    MyTopics.TopicId.PromptTuning => "prompt",
                    MyTopics.TopicId.ScalingLaws => "scaling",
                    MyTopics.TopicId.ComputeOptimal => "compute",
                    _ => "?",
                };
                return string.Join("|",
                    lora.Id, lora.Name, lora.Path, lora.Parent == peft, lora.Depth, kind,
                    MyTopics.All.Count, MyTopics.Roots.Count, MyTopics.Taxonomy.Name,
                    MyTopics.Find("compute-optimal") == MyTopics.ScalingLaws.ComputeOptimal, MyTopics.Find("nope") is null,
                    MyTopics.Get(MyTopics.TopicId.PromptTuning).Name,
                    string.Join(",", peft.Children.Select(c => c.Id)),
                    string.Join(",", lora.Phrases.Select(p => p.Text + ":" + p.Kind + ":" + p.Weight.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                    lora.Threshold, string.Join(",", MyTopics.ScalingLaws.ComputeOptimal.Ancestors.Select(a => a.Id)));
            }
        }
        """;

    private const string Json = """
        {
          "name": "mine",
          "version": "3",
          "topics": [
            { "id": "peft", "name": "PEFT", "children": [
              { "id": "lora", "name": "LoRA", "acronyms": ["LoRA"], "keywords": [{ "text": "low-rank", "weight": 0.5 }], "threshold": 0.4 },
              { "id": "prompt-tuning", "name": "Prompt tuning" } ] },
            { "id": "scaling-laws", "name": "Scaling laws", "children": [ { "id": "compute-optimal", "name": "Compute-optimal" } ] }
          ]
        }
        """;

    [Fact]
    public void Consumer_code_uses_nested_typed_topics()
    {
        var options = new TestOptionsProvider(new Dictionary<string, string> { ["RootNamespace"] = "Consumer.App" });
        var outcome = GeneratorHarness.Run(Json, "/src/my-topics.taxonomy.json", options, Consumer).ShouldNotHaveCrashed().ShouldCompileCleanly();

        var assembly = CompiledAssembly.Load(outcome.Output);
        var result = (string)assembly.GetType("Consumer.App.Probe")!.GetMethod("Run")!.Invoke(null, null)!;

        result.Should().Be("lora|LoRA|peft/lora|True|1|lora|5|2|mine|True|True|Prompt tuning|lora,prompt-tuning|low-rank:Keyword:0.5,LoRA:Acronym:1|0.4|scaling-laws");
    }

    [Fact]
    public void Generated_taxonomy_equals_the_one_loaded_at_run_time()
    {
        var options = new TestOptionsProvider(new Dictionary<string, string> { ["RootNamespace"] = "Consumer.App" });
        var outcome = GeneratorHarness.Run(Json, "/src/my-topics.taxonomy.json", options, Consumer).ShouldNotHaveCrashed();
        var generated = (Taxonomy)CompiledAssembly.Load(outcome.Output).GetType("Consumer.App.MyTopics")!.GetProperty("Taxonomy")!.GetValue(null)!;

        var loaded = Taxonomy.Parse(Json);

        Describe(generated).Should().Equal(Describe(loaded));
    }

    [Fact]
    public void Visibility_and_names_follow_metadata_then_file_then_project()
    {
        var options = new TestOptionsProvider(
            new Dictionary<string, string> { ["RootNamespace"] = "Root", ["PaperModel_Namespace"] = "FromProject", ["PaperModel_ClassName"] = "ProjectTopics" },
            new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                ["/src/a.taxonomy.json"] = new Dictionary<string, string> { ["PaperModel_ClassName"] = "FromMetadata", ["PaperModel_Visibility"] = "Public" },
            });
        var driver = GeneratorHarness.CreateDriver(
        [
            new InMemoryAdditionalText("/src/a.taxonomy.json", """{ "name": "a", "version": "1", "className": "Ignored", "topics": [ { "id": "x", "name": "X" } ] }"""),
            new InMemoryAdditionalText("/src/b.taxonomy.json", """{ "name": "b", "version": "1", "namespace": "FromFile", "topics": [ { "id": "y", "name": "Y" } ] }"""),
        ], options);

        var outcome = GeneratorHarness.Run(driver, GeneratorHarness.CreateCompilation()).ShouldNotHaveCrashed().ShouldCompileCleanly();

        outcome.Sources.Select(static s => s.HintName).Should().Equal("FromProject.FromMetadata.g.cs", "FromFile.ProjectTopics.g.cs");
        outcome.Sources[0].SourceText.ToString().Should().Contain("public static partial class FromMetadata");
        outcome.Sources[1].SourceText.ToString().Should().Contain("internal static partial class ProjectTopics");
    }

    private static IEnumerable<string> Describe(Taxonomy taxonomy) =>
        taxonomy.Topics.Select(static t => string.Join(
            "|",
            t.Index,
            t.Path,
            t.Name,
            t.Description,
            string.Join(",", t.Phrases),
            string.Join(",", t.Vetoes),
            string.Join(",", t.Categories),
            t.Threshold,
            string.Join(",", t.Children.Select(static c => c.Id))))
        .Prepend(taxonomy.ToString() + "|" + taxonomy.Description);
}
