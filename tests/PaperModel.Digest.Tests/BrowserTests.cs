using PaperModel.Testing;
using PuppeteerSharp;

namespace PaperModel.Digest.Tests;

/// <summary>
/// The HTML digest of the shipped sample page in a real headless Chromium (the system's <c>/usr/bin/chromium</c>, never
/// a downloaded build), at a phone and a desktop width: what a reader sees.
/// </summary>
/// <remarks>
/// Each run saves the two screenshots in the test output folder (<c>screenshots/</c>); with
/// <c>PAPERMODEL_UPDATE_SCREENSHOTS=1</c> they also replace the ones in <c>docs/images/</c>.
/// </remarks>
public sealed class BrowserTests : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";

    private readonly string _profile = Directory.CreateTempSubdirectory("papermodel-chromium-").FullName;

    public void Dispose() => Directory.Delete(_profile, recursive: true);

    [Theory]
    [InlineData("phone", 390, 844, true, false)]
    [InlineData("desktop", 1280, 900, false, false)]
    [InlineData("phone-dark", 390, 844, true, true)]
    public async Task Sample_digest_shows_every_topic_and_title_without_overflow_or_markup(string name, int width, int height, bool mobile, bool dark)
    {
        File.Exists(Chromium).Should().BeTrue($"the browser test needs Debian's chromium at {Chromium} (.ci/run installs it: apt-get install -y chromium)");
        var digest = PaperDigest.Create(TestPapers.SamplePage, TestPapers.Classifier, new DigestOptions { Topics = TestPapers.HeadlineTopics });
        var page = Path.Combine(_profile, "digest.html");
        File.WriteAllText(page, DigestRenderer.Html.Render(digest));

        await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            UserDataDir = Path.Combine(_profile, "profile"),
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        await using var tab = await browser.NewPageAsync();
        await tab.SetViewportAsync(new ViewPortOptions { Width = width, Height = height, IsMobile = mobile, HasTouch = mobile, DeviceScaleFactor = mobile ? 2 : 1 });
        await tab.EmulateMediaFeaturesAsync([new MediaFeatureValue { MediaFeature = MediaFeature.PrefersColorScheme, Value = dark ? "dark" : "light" }]);
        var requests = new List<string>();
        tab.Request += (_, e) => requests.Add(e.Request.Url);
        await tab.GoToAsync(new Uri(page).AbsoluteUri, WaitUntilNavigation.Load);

        requests.Should().Equal([new Uri(page).AbsoluteUri], "the page loads nothing but itself: no fonts, images or scripts");
        var seen = RendererTests.Normalize(await tab.EvaluateExpressionAsync<string>("document.body.innerText"));
        foreach (var section in digest.Sections)
        {
            seen.Should().Contain(RendererTests.Normalize(section.Heading) + " " + section.Entries.Count + " paper", $"the section '{section.Heading}' shows with its count at {width}px");
            foreach (var entry in section.Entries)
            {
                seen.Should().Contain(RendererTests.Normalize(entry.Paper.Title), $"'{entry.Paper.Title}' shows at {width}px");
            }
        }

        var headings = await tab.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('h2')].filter(h => h.getBoundingClientRect().width > 0).map(h => h.innerText)");
        headings.Should().HaveCount(digest.Sections.Count, "every topic heading is rendered");
        seen.Should().NotMatchRegex("</?[a-zA-Z][^>]*>", "no markup shows as text");
        (await tab.EvaluateExpressionAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth")).Should().BeLessThanOrEqualTo(0, $"nothing scrolls sideways at {width}px");
        var outside = await tab.EvaluateExpressionAsync<string[]>(
            "[...document.body.querySelectorAll('*')].filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.left < -0.5 || r.right > window.innerWidth + 0.5); }).map(e => e.tagName + ': ' + e.textContent.slice(0, 60))");
        outside.Should().BeEmpty($"every element fits in {width}px");
        var smallest = await tab.EvaluateExpressionAsync<double>("Math.min(...[...document.querySelectorAll('p, a, h1, h2, h3, span')].filter(e => e.innerText.trim()).map(e => parseFloat(getComputedStyle(e).fontSize)))");
        smallest.Should().BeGreaterThanOrEqualTo(12, "text stays readable");

        var background = await tab.EvaluateExpressionAsync<string>("getComputedStyle(document.querySelector('.pm-card')).backgroundColor");
        background.Should().Be(dark ? "rgb(27, 30, 37)" : "rgb(255, 255, 255)", "the cards follow the reader's colour scheme");

        var shots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(shots);
        var shot = Path.Combine(shots, $"digest-{name}.png");
        await tab.ScreenshotAsync(shot, new ScreenshotOptions { Type = ScreenshotType.Png });
        new FileInfo(shot).Length.Should().BeGreaterThan(10_000);
        if (Environment.GetEnvironmentVariable("PAPERMODEL_UPDATE_SCREENSHOTS") == "1")
        {
            File.Copy(shot, Path.Combine(RepoPaths.Root, "docs", "images", $"digest-{name}.png"), overwrite: true);
        }
    }
}
