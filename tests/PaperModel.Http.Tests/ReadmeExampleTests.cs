using Microsoft.Extensions.DependencyInjection;
using PaperModel.Classification;
using PaperModel.Testing;

namespace PaperModel.Http.Tests;

/// <summary>The README's "today's papers on my topics" lines, run against the local server.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public async Task Todays_papers_on_my_topics()
    {
        await using var server = await LocalServer.StartAsync();
        server.Respond = (context, _) => LocalServer.SendFile(context, Samples.DailyPapersPath, "application/json");
        var printed = new List<string>();

        // As in README.md, with the base address of the local server.
        Topic[] mine = [DefaultTopics.Peft, DefaultTopics.Moe, DefaultTopics.Multimodal];
        using var services = new ServiceCollection().AddPaperModelHttp(o => o.HuggingFaceBaseAddress = server.BaseAddress).BuildServiceProvider();
        await foreach (var paper in services.GetRequiredService<HuggingFacePapersClient>().GetDailyPapersAsync())
        {
            var topics = DefaultTopics.Classifier.Classify(paper);
            if (mine.Any(topics.Contains))
            {
                printed.Add($"{paper.ArxivId}  {paper.Title}");
            }
        }

        // Of the four real papers of the sample list, one is multimodal and none is PEFT or MoE.
        printed.Should().ContainSingle().Which.Should().StartWith("2606.12575  High-Fidelity Two-Step Image Generation");
        server.Requests.Single().PathAndQuery.Should().Be("/api/daily_papers?p=0&limit=50");
    }
}
