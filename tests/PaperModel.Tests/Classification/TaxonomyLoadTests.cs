using System.Text;
using PaperModel.Classification;
using PaperModel.Classification.Generated;
using PaperModel.Testing;

namespace PaperModel.Tests.Classification;

public class TaxonomyLoadTests
{
    private const string Nested = """
        {
          "$schema": "../schemas/taxonomy.schema.json",
          "name": "test",
          "version": "1.2.0",
          "description": "A small test taxonomy.",
          "topics": [
            {
              "id": "peft",
              "name": "Parameter-efficient fine-tuning",
              "keywords": ["parameter-efficient fine-tuning", { "text": "adapter tuning", "weight": 0.5 }],
              "acronyms": ["PEFT"],
              "categories": ["cs.CL", "cs.LG"],
              "children": [
                {
                  "id": "lora",
                  "name": "LoRA",
                  "description": "Low-rank adaptation.",
                  "acronyms": ["LoRA", "QLoRA"],
                  "aliases": ["low-rank adaptation"],
                  "vetoes": ["LoRa radio", { "text": "LPWAN", "kind": "acronym" }],
                  "threshold": 0.25,
                  "children": [ { "id": "dora", "name": "DoRA" } ]
                },
                { "id": "prompt-tuning", "name": "Prompt tuning" }
              ]
            },
            { "id": "scaling-laws", "name": "Scaling laws" }
          ]
        }
        """;

    [Fact]
    public void Parse_builds_the_tree_in_pre_order_with_links()
    {
        var taxonomy = Taxonomy.Parse(Nested);

        taxonomy.Name.Should().Be("test");
        taxonomy.Version.Should().Be("1.2.0");
        taxonomy.Description.Should().Be("A small test taxonomy.");
        taxonomy.Topics.Select(t => t.Id).Should().Equal("peft", "lora", "dora", "prompt-tuning", "scaling-laws");
        taxonomy.Topics.Select(t => t.Index).Should().Equal(0, 1, 2, 3, 4);
        taxonomy.Roots.Select(t => t.Id).Should().Equal("peft", "scaling-laws");

        var dora = taxonomy.GetTopic("dora");
        dora.Parent!.Id.Should().Be("lora");
        dora.Ancestors.Select(t => t.Id).Should().Equal("lora", "peft");
        dora.Depth.Should().Be(2);
        dora.Path.Should().Be("peft/lora/dora");
        dora.IsDescendantOf(taxonomy.GetTopic("peft")).Should().BeTrue();
        taxonomy.GetTopic("peft").IsDescendantOf(dora).Should().BeFalse();
        dora.Taxonomy.Should().BeSameAs(taxonomy);
        taxonomy.GetTopic("peft").Children.Select(t => t.Id).Should().Equal("lora", "prompt-tuning");
        taxonomy.GetTopic("scaling-laws").Children.Should().BeEmpty();
        taxonomy.GetTopic("scaling-laws").Description.Should().BeEmpty();
    }

    [Fact]
    public void Parse_reads_phrases_vetoes_categories_and_threshold()
    {
        var taxonomy = Taxonomy.Parse(Nested);

        taxonomy.GetTopic("peft").Phrases.Should().Equal(
            new TopicPhrase("parameter-efficient fine-tuning", 1.0, PhraseKind.Keyword),
            new TopicPhrase("adapter tuning", 0.5, PhraseKind.Keyword),
            new TopicPhrase("PEFT", 1.0, PhraseKind.Acronym));
        taxonomy.GetTopic("peft").Categories.Should().Equal("cs.CL", "cs.LG");
        taxonomy.GetTopic("peft").Threshold.Should().BeNull();

        var lora = taxonomy.GetTopic("lora");
        lora.Phrases.Should().Equal(
            new TopicPhrase("LoRA", 1.0, PhraseKind.Acronym),
            new TopicPhrase("QLoRA", 1.0, PhraseKind.Acronym),
            new TopicPhrase("low-rank adaptation", 1.0, PhraseKind.Keyword));
        lora.Vetoes.Should().Equal(
            new TopicPhrase("LoRa radio", 1.0, PhraseKind.Keyword),
            new TopicPhrase("LPWAN", 1.0, PhraseKind.Acronym));
        lora.Threshold.Should().Be(0.25);
    }

    [Fact]
    public void Lookup_of_an_unknown_id_fails_clearly()
    {
        var taxonomy = Taxonomy.Parse(Nested);

        taxonomy.TryGetTopic("moe", out var topic).Should().BeFalse();
        topic.Should().BeNull();
        taxonomy.Contains("lora").Should().BeTrue();
        taxonomy.FindTopic("moe").Should().BeNull();
        taxonomy.FindTopic("lora").Should().BeSameAs(taxonomy.GetTopic("lora"));
        var act = () => taxonomy.GetTopic("moe");
        act.Should().Throw<KeyNotFoundException>().WithMessage("*'test'*'moe'*");
    }

    [Fact]
    public void Files_are_loaded_by_path_and_a_file_that_cannot_be_read_is_PM0002()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("ml.taxonomy.json");
        File.WriteAllText(path, Nested);

        Taxonomy.TryLoadFile(path, out var taxonomy, out var problems).Should().BeTrue();
        taxonomy!.Topics.Should().HaveCount(5);
        problems.Should().BeEmpty();
        Taxonomy.LoadFile(path).Topics.Should().HaveCount(5);

        var missing = folder.File("gone.taxonomy.json");
        Taxonomy.TryLoadFile(missing, out taxonomy, out problems).Should().BeFalse();
        taxonomy.Should().BeNull();
        problems.Should().ContainSingle().Which.ToString().Should().Be(
            $"{missing}: error PM0002: The taxonomy file 'gone.taxonomy.json' cannot be read: the file does not exist");

        Taxonomy.TryLoadFile(folder.Path, out _, out problems).Should().BeFalse();
        problems.Should().ContainSingle().Which.Message.Should().EndWith("cannot be read: it is a directory, not a file");

        var act = () => Taxonomy.LoadFile(missing);
        act.Should().Throw<TaxonomyLoadException>().Which.Problems.Should().ContainSingle().Which.Code.Should().Be("PM0002");
    }

    [Fact]
    public void Load_reads_utf8_with_a_byte_order_mark_and_keeps_the_stream_open()
    {
        using var stream = new MemoryStream([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Nested)]);

        var taxonomy = Taxonomy.Load(stream, "test.taxonomy.json");

        taxonomy.Topics.Should().HaveCount(5);
        stream.CanRead.Should().BeTrue();
    }

    [Fact]
    public void Errors_throw_an_exception_listing_every_problem_with_line_and_column()
    {
        const string json = """
            {
              "name": "broken",
              "version": "1",
              "topics": [
                { "id": "Bad_Id", "name": "x" },
                { "id": "ok", "name": "y", "keywrds": ["z"] }
              ]
            }
            """;

        var act = () => Taxonomy.Parse(json, "broken.taxonomy.json");

        var ex = act.Should().Throw<TaxonomyLoadException>().Which;
        ex.Problems.Select(p => (p.Code, p.Line, p.Column, p.Severity)).Should().Equal(
            ("PM0006", 5, 13, ProblemSeverity.Error),
            ("PM0005", 6, 32, ProblemSeverity.Warning));
        ex.Message.Should().Be(
            "The taxonomy 'broken.taxonomy.json' has 1 error:\n"
            + "broken.taxonomy.json(5,13): error PM0006: Topic id 'Bad_Id' is not kebab-case: use lower-case letters and digits separated by single hyphens (for example 'scaling-laws')\n"
            + "broken.taxonomy.json(6,32): warning PM0005: Unknown property 'keywrds' in the topic; expected one of: id, name, description, memberName, keywords, acronyms, aliases, vetoes, categories, threshold, children");
    }

    [Fact]
    public void Warnings_do_not_stop_loading_but_are_returned()
    {
        const string json = """
            { "name": "w", "version": "1", "extra": true,
              "topics": [ { "id": "a", "name": "A", "keywords": ["x", "X"] } ] }
            """;

        Taxonomy.TryParse(json, null, out var taxonomy, out var problems).Should().BeTrue();

        taxonomy!.Topics.Should().ContainSingle();
        problems.Select(p => (p.Code, p.Line, p.Column)).Should().Equal(("PM0005", 1, 32), ("PM0013", 2, 59));
        problems[1].Message.Should().Be("Phrase 'X' is listed twice in topic 'a' (first at line 2)");
    }

    [Fact]
    public void A_phrase_with_a_word_gap_is_not_the_phrase_without_it()
    {
        const string json = """
            { "name": "w", "version": "1",
              "topics": [ { "id": "a", "name": "A", "keywords": ["mixture of experts", "mixture of * experts", "Mixture-of *  Experts"] } ] }
            """;

        Taxonomy.TryParse(json, null, out _, out var problems).Should().BeTrue();

        problems.Should().ContainSingle().Which.Message.Should().Be("Phrase 'Mixture-of *  Experts' is listed twice in topic 'a' (first at line 2)");
    }

    [Theory]
    [InlineData("* experts", "there is no word before it")]
    [InlineData("mixture *", "there is no word after it")]
    [InlineData("mixture of experts *", "there is no word after it")]
    [InlineData("mixture ** experts", "'mixture ** experts' has more than one '*' between two words, and one '*' already stands for one to 3 words")]
    [InlineData("mixture of * * experts", "'of * * experts' has more than one '*' between two words, and one '*' already stands for one to 3 words")]
    [InlineData("mixture*", "there is no word after it")]
    [InlineData("*mixture of experts", "there is no word before it")]
    [InlineData("mixture*experts", "in 'mixture*experts' the '*' has something other than white space beside it")]
    [InlineData("mixture of *experts", "in 'of *experts' the '*' has something other than white space beside it")]
    [InlineData("mixture* of experts", "in 'mixture* of' the '*' has something other than white space beside it")]
    [InlineData("mixture -* experts", "in 'mixture -* experts' the '*' has something other than white space beside it")]
    [InlineData("sparse * mixture*of experts", "in 'mixture*of' the '*' has something other than white space beside it")]
    public void A_star_that_is_not_a_word_gap_is_PM0014_at_the_phrase(string phrase, string reason)
    {
        const string SecondLine = "  \"topics\": [ { \"id\": \"moe\", \"name\": \"MoE\", \"keywords\": [\"moe layer\", ";
        var json = "{ \"name\": \"w\", \"version\": \"1\",\n" + SecondLine + "\"" + phrase + "\"] } ] }";
        var column = SecondLine.Length + 1;

        Taxonomy.TryParse(json, "moe.taxonomy.json", out var taxonomy, out var problems).Should().BeFalse();

        taxonomy.Should().BeNull();
        problems.Should().ContainSingle().Which.Should().Be(new ParseProblem(
            "PM0014",
            $"Phrase '{phrase}' of topic 'moe' has a '*' that is not a word gap: {reason}; a word gap is a lone '*' with white space on both sides, between two words (for example 'mixture of * experts')",
            "moe.taxonomy.json",
            2,
            column));
        var act = () => Taxonomy.Parse(json, "moe.taxonomy.json");
        act.Should().Throw<TaxonomyLoadException>().Which.Message.Should().Contain("moe.taxonomy.json(2," + column + "): error PM0014: Phrase '" + phrase + "'");
    }

    [Fact]
    public void Word_gaps_between_two_words_load_in_every_phrase_list_and_match()
    {
        const string json = """
            { "name": "w", "version": "1",
              "topics": [ { "id": "moe", "name": "MoE",
                "keywords": ["mixture of * experts", "mixture-of\t*\texperts layer", "sparse * gated * experts"],
                "acronyms": ["MoE * layer"], "aliases": [{ "text": "expert * routing", "weight": 0.5 }],
                "vetoes": ["mixture of * gaussians"] } ] }
            """;

        Taxonomy.TryParse(json, null, out var taxonomy, out var problems).Should().BeTrue();

        problems.Should().BeEmpty();
        taxonomy!.GetTopic("moe").Phrases.Select(static p => p.Text).Should().Equal(
            "mixture of * experts", "mixture-of\t*\texperts layer", "sparse * gated * experts", "MoE * layer", "expert * routing");
        taxonomy.GetTopic("moe").Vetoes.Should().ContainSingle().Which.Text.Should().Be("mixture of * gaussians");
        var classifier = new Classifier(taxonomy);
        classifier.Classify("A mixture of heterogeneous grouped experts for language modelling").Contains("moe").Should().BeTrue();
        classifier.Classify("A mixture of experts for language modelling").Contains("moe").Should().BeFalse("a gap stands for one to three words");
    }

    [Theory]
    [InlineData("", 1, 1, "Invalid JSON: the file is empty; expected a JSON object")]
    [InlineData("{ \"name\": \"x\",\n  \"version\": \"1\"\n  \"topics\": [] }", 3, 3, "Invalid JSON: unexpected '\"'; expected ',' or '}' in the object")]
    [InlineData("{ \"name\": 'x' }", 1, 11, "Invalid JSON: unexpected single quote (JSON strings need double quotes); expected a value")]
    [InlineData("{ \"name\": \"x\", }", 1, 14, "Invalid JSON: trailing comma before '}'")]
    [InlineData("{ \"name\": \"abc\r\n\" }", 1, 11, "Invalid JSON: unterminated string (a string cannot span lines)")]
    [InlineData("{ \"a\": [1, 2 }", 1, 14, "Invalid JSON: unexpected '}'; expected ',' or ']' in the array")]
    [InlineData("{ \"a\": tru }", 1, 8, "Invalid JSON: unexpected 'tru'; expected a value (strings need double quotes)")]
    [InlineData("{ \"a\": 01 }", 1, 9, "Invalid JSON: invalid number: unexpected '1'")]
    [InlineData("{ \"a\": \"\\x\" }", 1, 9, "Invalid JSON: invalid escape sequence '\\x'")]
    [InlineData("{} {}", 1, 4, "Invalid JSON: unexpected '{' after the end of the document")]
    [InlineData("/* never closed", 1, 1, "Invalid JSON: unterminated comment")]
    public void Json_syntax_errors_are_reported_at_their_position(string json, int line, int column, string message)
    {
        Taxonomy.TryParse(json, "x.json", out var taxonomy, out var problems).Should().BeFalse();

        taxonomy.Should().BeNull();
        problems.Should().ContainSingle().Which.Should().Be(new ParseProblem("PM0001", message, "x.json", line, column));
    }

    [Fact]
    public void Deeply_nested_json_is_rejected_without_exhausting_the_stack()
    {
        var json = new string('[', 100_000) + new string(']', 100_000);

        Taxonomy.TryParse(json, null, out _, out var problems).Should().BeFalse();

        problems.Should().ContainSingle().Which.Should().Be(
            new ParseProblem("PM0001", "Invalid JSON: the array is nested more than 64 levels deep", null, 1, 65));
    }

    [Fact]
    public void Comments_and_crlf_line_breaks_are_accepted_and_counted()
    {
        var json = "// taxonomy\r\n{ /* c */ \"name\": \"n\", \"version\": \"1\",\r\n\"topics\": [ { \"id\": \"-x\", \"name\": \"X\" } ] }";

        Taxonomy.TryParse(json, null, out _, out var problems).Should().BeFalse();

        problems.Should().ContainSingle().Which.Should().Be(new ParseProblem(
            "PM0006",
            "Topic id '-x' is not kebab-case: use lower-case letters and digits separated by single hyphens (for example 'scaling-laws')",
            null,
            3,
            21));
    }

    [Fact]
    public void Generated_style_construction_links_topics_and_rejects_bad_orders()
    {
        var root = new TestTopic(new TopicDefinition("a", "A", "", null, [], [], [], null));
        var child = new TestTopic(new TopicDefinition("b", "B", "", "a", [], [], [], 0.5));

        var taxonomy = new Taxonomy("t", "1", "", [root, child]);

        child.Parent.Should().BeSameAs(root);
        taxonomy.Roots.Should().Equal(root);

        var orphan = new TestTopic(new TopicDefinition("c", "C", "", "missing", [], [], [], null));
        var act = () => new Taxonomy("t", "1", "", [orphan]);
        act.Should().Throw<ArgumentException>().WithMessage("The parent 'missing' of topic 'c' must come before it.*");
        var reuse = () => new Taxonomy("t", "1", "", [root]);
        reuse.Should().Throw<ArgumentException>().WithMessage("Topic 'a' already belongs to a taxonomy.*");
    }

    private sealed class TestTopic(TopicDefinition definition) : Topic(definition);
}
