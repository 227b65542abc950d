using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using PaperModel.Generators.Tests;

namespace PaperModel.FuzzTests;

/// <summary>The generator on a taxonomy far beyond any real one: it builds, or says clearly why not, and never crashes.</summary>
public sealed class GeneratorStressTests
{
    [Fact]
    public void A_taxonomy_of_10000_topics_and_100000_phrases_builds_or_gets_a_clear_diagnostic()
    {
        var outcome = GeneratorHarness.Run(BigTaxonomy(roots: 100, childrenPerRoot: 99, phrasesPerTopic: 10));

        outcome.ShouldNotHaveCrashed();
        var diagnostics = outcome.Result.Diagnostics;
        if (diagnostics.Any(static d => d.Severity == DiagnosticSeverity.Error))
        {
            diagnostics.Should().OnlyContain(static d => d.Id.StartsWith("PM", StringComparison.Ordinal) && d.Location.GetLineSpan().IsValid);
        }
        else
        {
            // The generated code parses (binding all of it would take minutes of the normal test run on two cores).
            outcome.Sources.Should().NotBeEmpty();
            outcome.Sources.SelectMany(static s => s.SyntaxTree.GetDiagnostics()).Should().BeEmpty();
        }
    }

    internal static string BigTaxonomy(int roots, int childrenPerRoot, int phrasesPerTopic)
    {
        var json = new StringBuilder("{ \"name\": \"big\", \"version\": \"1\", \"topics\": [\n");
        var topic = 0;
        for (var r = 0; r < roots; r++)
        {
            json.Append(r == 0 ? string.Empty : ",\n");
            AppendTopic(json, topic++, phrasesPerTopic);
            json.Length--; // reopen the object for its children
            json.Append(", \"children\": [");
            for (var c = 0; c < childrenPerRoot; c++)
            {
                json.Append(c == 0 ? string.Empty : ",");
                AppendTopic(json, topic++, phrasesPerTopic);
            }

            json.Append("] }");
        }

        return json.Append("\n] }").ToString();
    }

    private static void AppendTopic(StringBuilder json, int topic, int phrases)
    {
        var id = "t" + topic.ToString(CultureInfo.InvariantCulture);
        json.Append("{ \"id\": \"").Append(id).Append("\", \"name\": \"Topic ").Append(id).Append("\", \"keywords\": [");
        for (var p = 0; p < phrases; p++)
        {
            json.Append(p == 0 ? string.Empty : ", ").Append("\"word").Append(id).Append(" term").Append(p.ToString(CultureInfo.InvariantCulture)).Append('"');
        }

        json.Append("] }");
    }
}
