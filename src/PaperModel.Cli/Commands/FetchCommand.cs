using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PaperModel.Cli.Output;
using PaperModel.Http;

namespace PaperModel.Cli.Commands;

/// <summary>
/// <c>papers fetch hf-daily|arxiv|arxiv-oai|arxiv-rss</c>: fetches papers from the services with the polite clients of
/// PaperModel.Http and prints them (JSON Lines by default, ready for <c>papers classify -</c>). Problems and progress go
/// to standard error.
/// </summary>
internal static class FetchCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("fetch", "Fetch papers from Hugging Face or arXiv and print them (JSON Lines by default).");
        command.Subcommands.Add(HuggingFaceDaily(context));
        command.Subcommands.Add(Arxiv(context));
        command.Subcommands.Add(ArxivOai(context));
        command.Subcommands.Add(ArxivRss(context));
        return command;
    }

    private static Command HuggingFaceDaily(CliContext context)
    {
        var shared = new FetchOptions();
        var date = new Option<string?>("--date") { Description = "One day's list (YYYY-MM-DD).", HelpName = "YYYY-MM-DD" };
        var week = new Option<string?>("--week") { Description = "One ISO week's list (YYYY-Www, e.g. 2026-W02).", HelpName = "YYYY-Www" };
        var month = new Option<string?>("--month") { Description = "One month's list (YYYY-MM).", HelpName = "YYYY-MM" };
        var command = new Command("hf-daily", "Fetch a Hugging Face Daily Papers list: the latest, or one day, week or month.") { date, week, month };
        shared.AddTo(command);
        command.Validators.Add(result =>
        {
            if (new[] { date, week, month }.Count(o => result.GetResult(o) is not null) > 1)
            {
                result.AddError("Give at most one of --date, --week and --month.");
            }
        });
        command.SetAction((parseResult, cancellationToken) => shared.RunAsync(parseResult, context, static (o, url) => o.HuggingFaceBaseAddress = url, (services, _) =>
        {
            var period = HuggingFaceDailyPeriod.Latest;
            if (parseResult.GetValue(date) is { } d)
            {
                period = HuggingFaceDailyPeriod.Day(ParseDate(d, "--date"));
            }
            else if (parseResult.GetValue(week) is { } w)
            {
                period = ParseWeek(w);
            }
            else if (parseResult.GetValue(month) is { } m)
            {
                period = DateOnly.TryParseExact(m, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
                    ? HuggingFaceDailyPeriod.Month(first.Year, first.Month)
                    : throw new UsageException($"--month '{m}' is not YYYY-MM.");
            }

            return services.GetRequiredService<HuggingFacePapersClient>().GetDailyPapersAsync(period, cancellationToken);
        }));
        return command;
    }

    private static Command Arxiv(CliContext context)
    {
        var shared = new FetchOptions();
        var query = new Option<string?>("--query", "-q") { Description = "The arXiv search query (cat:cs.CL AND abs:lora).", HelpName = "query" };
        var ids = new Option<string[]>("--id") { Description = "arXiv ids to fetch (repeatable).", HelpName = "id", AllowMultipleArgumentsPerToken = true };
        var from = new Option<string?>("--from") { Description = "Only papers first submitted on or after this day (YYYY-MM-DD, UTC).", HelpName = "YYYY-MM-DD" };
        var until = new Option<string?>("--until") { Description = "Only papers first submitted on or before this day (YYYY-MM-DD, UTC).", HelpName = "YYYY-MM-DD" };
        var max = new Option<int?>("--max") { Description = "The most papers to fetch.", HelpName = "N" };
        var command = new Command("arxiv", "Fetch papers from the arXiv API (one request every 3 seconds, as arXiv asks).") { query, ids, from, until, max };
        shared.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => shared.RunAsync(parseResult, context, static (o, url) => o.ArxivApiBaseAddress = url, (services, _) =>
        {
            var arxivIds = (parseResult.GetValue(ids) ?? []).Select(id => ArxivId.TryParse(id, out var parsed, out var error) ? parsed : throw new UsageException($"--id '{id}' is not an arXiv id: {error}")).ToList();
            var request = new ArxivQuery
            {
                SearchQuery = parseResult.GetValue(query),
                Ids = arxivIds,
                SubmittedFrom = parseResult.GetValue(from) is { } f ? new DateTimeOffset(ParseDate(f, "--from").ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
                SubmittedUntil = parseResult.GetValue(until) is { } u ? new DateTimeOffset(ParseDate(u, "--until").ToDateTime(new TimeOnly(23, 59)), TimeSpan.Zero) : null,
                SortBy = ArxivSortBy.SubmittedDate,
                MaxResults = parseResult.GetValue(max) is { } n and <= 0 ? throw new UsageException("--max must be at least 1.") : parseResult.GetValue(max),
            };
            if (request.SearchQuery is null && arxivIds.Count == 0 && request.SubmittedFrom is null && request.SubmittedUntil is null)
            {
                throw new UsageException("Give --query, --id, or a --from/--until range.");
            }

            return services.GetRequiredService<ArxivApiClient>().SearchAsync(request, cancellationToken);
        }));
        return command;
    }

    private static Command ArxivOai(CliContext context)
    {
        var shared = new FetchOptions();
        var set = new Option<string?>("--set") { Description = "The OAI set (cs, math, physics:hep-th).", HelpName = "set" };
        var from = new Option<string?>("--from") { Description = "Records changed on or after this day (YYYY-MM-DD).", HelpName = "YYYY-MM-DD" };
        var until = new Option<string?>("--until") { Description = "Records changed on or before this day (YYYY-MM-DD).", HelpName = "YYYY-MM-DD" };
        var metadata = new Option<string>("--metadata")
        {
            Description = "The metadata format: arXivRaw (versions and dates), arXiv or oai_dc.",
            DefaultValueFactory = static _ => "arXivRaw",
            HelpName = "prefix",
        };
        metadata.AcceptOnlyFromAmong("arXivRaw", "arXiv", "oai_dc");
        var resume = new Option<FileInfo?>("--resume")
        {
            Description = "A file that keeps the harvest's resumption token after each page: a harvest that stopped goes on from there (append the output). The file is deleted when the harvest ends.",
            HelpName = "file",
        };
        var command = new Command("arxiv-oai", "Harvest arXiv metadata over OAI-PMH (ListRecords), following resumption tokens.") { set, from, until, metadata, resume };
        shared.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => shared.RunAsync(parseResult, context, static (o, url) => o.ArxivOaiBaseAddress = url, (services, progress) =>
        {
            var state = parseResult.GetValue(resume);
            var token = state is { Exists: true } ? File.ReadAllText(state.FullName).Trim() : null;
            var request = new ArxivOaiRequest
            {
                MetadataPrefix = parseResult.GetValue(metadata) ?? "arXivRaw",
                Set = parseResult.GetValue(set),
                From = parseResult.GetValue(from) is { } f ? ParseDate(f, "--from") : null,
                Until = parseResult.GetValue(until) is { } u ? ParseDate(u, "--until") : null,
                ResumptionToken = string.IsNullOrEmpty(token) ? null : token,
            };
            if (request.ResumptionToken is not null)
            {
                context.Error.WriteLine($"papers: resuming the harvest from token '{request.ResumptionToken}' ({state!.FullName}).");
            }

            return Harvest(services.GetRequiredService<ArxivOaiClient>().ListPagesAsync(request, cancellationToken), state, progress, context);
        }));
        return command;
    }

    private static Command ArxivRss(CliContext context)
    {
        var shared = new FetchOptions();
        var categories = new Argument<string>("categories") { Description = "The categories, joined with '+' (cs.CL+cs.LG), or an archive (cs)." };
        var command = new Command("arxiv-rss", "Fetch the last arXiv announcement of some categories (new papers, cross-lists and replacements).") { categories };
        shared.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => shared.RunAsync(parseResult, context, static (o, url) => o.ArxivRssBaseAddress = url, (services, _) =>
        {
            var list = parseResult.GetValue(categories)!.Split('+');
            try
            {
                return services.GetRequiredService<ArxivRssClient>().GetAnnouncementsAsync(list, cancellationToken);
            }
            catch (ArgumentException ex)
            {
                throw new UsageException($"'{parseResult.GetValue(categories)}': {ex.Message.Split(" (Parameter")[0]}");
            }
        }));
        return command;
    }

    // The papers of each page; the page's token is saved after the papers before it were written (the writer flushes).
    private static async IAsyncEnumerable<Paper> Harvest(IAsyncEnumerable<ArxivOaiPage> pages, FileInfo? state, Action flush, CliContext context)
    {
        var count = 0L;
        await foreach (var page in pages.ConfigureAwait(false))
        {
            foreach (var paper in page.Papers)
            {
                count++;
                yield return paper;
            }

            flush();
            var of = page.CompleteListSize is { } size ? $" of {size}" : string.Empty;
            context.Error.WriteLine($"papers: {count}{of} records harvested{(page.ResumptionToken is null ? ", done" : string.Empty)}.");
            if (state is not null)
            {
                if (page.ResumptionToken is { } next)
                {
                    File.WriteAllText(state.FullName, next + Environment.NewLine);
                }
                else
                {
                    state.Delete();
                }
            }
        }
    }

    private static DateOnly ParseDate(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UsageException($"{option} '{text}' is not a date YYYY-MM-DD.");

    private static HuggingFaceDailyPeriod ParseWeek(string text)
    {
        var parts = text.Split("-W");
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var week)
            && year is >= 1 and <= 9999 && week >= 1 && week <= ISOWeek.GetWeeksInYear(year))
        {
            return HuggingFaceDailyPeriod.Week(year, week);
        }

        throw new UsageException($"--week '{text}' is not an ISO week YYYY-Www (e.g. 2026-W02).");
    }

    /// <summary>A command line that parsed but makes no request (a bad date): exit code 2.</summary>
    private sealed class UsageException(string message) : Exception(message);

    /// <summary>The options every fetch command takes, and the run they share.</summary>
    private sealed class FetchOptions
    {
        private readonly Option<string?> _baseUrl = new("--base-url")
        {
            Description = "The service's address (a mirror, a proxy, a test server); the API's own paths and query parameters are kept under it.",
            HelpName = "url",
        };

        private readonly OutputOptions<OutputKind> _output = new(
            OutputKind.Jsonl,
            "How to print papers: jsonl (one JSON object per line, the library's lossless shape), json (one array) or table (for people).");

        public void AddTo(Command command)
        {
            _output.AddTo(command);
            command.Options.Add(_baseUrl);
        }

        public async Task<int> RunAsync(
            ParseResult parseResult,
            CliContext context,
            Action<PaperModelHttpOptions, Uri> setBaseAddress,
            Func<IServiceProvider, Action, IAsyncEnumerable<Paper>> fetch)
        {
            var problems = 0;
            Uri? baseUrl = null;
            if (parseResult.GetValue(_baseUrl) is { } text && (!Uri.TryCreate(text, UriKind.Absolute, out baseUrl) || baseUrl.Scheme is not ("http" or "https")))
            {
                context.Error.WriteLine($"papers: error: --base-url '{text}' is not an http or https URL.");
                return ExitCodes.Usage;
            }

            await using var services = new ServiceCollection()
                .AddPaperModelHttp(o =>
                {
                    if (baseUrl is not null)
                    {
                        setBaseAddress(o, baseUrl);
                    }

                    o.OnProblem = problem =>
                    {
                        if (problem.Severity == ProblemSeverity.Error)
                        {
                            problems++;
                        }

                        context.Error.WriteLine(problem.ToString());
                    };
                })
                .BuildServiceProvider();
            var kind = _output.GetKind(parseResult, context);
            using var target = _output.Open(parseResult, context);
            if (target is null)
            {
                return ExitCodes.Problems;
            }

            using var writer = PaperWriter.Create(kind, target);
            var count = 0;
            try
            {
                await foreach (var paper in fetch(services, target.Writer.Flush).ConfigureAwait(false))
                {
                    writer.Write(paper);
                    count++;
                }
            }
            catch (UsageException ex)
            {
                context.Error.WriteLine($"papers: error: {ex.Message}");
                return ExitCodes.Usage;
            }
            catch (PaperFetchException ex)
            {
                writer.Complete();
                context.Error.WriteLine($"papers: error: {ex.Message}");
                context.Error.WriteLine($"papers: {count} papers were written before the failure.");
                return ExitCodes.Problems;
            }

            writer.Complete();
            context.Error.WriteLine($"papers: {count} papers fetched.");
            return problems == 0 ? ExitCodes.Success : ExitCodes.Problems;
        }
    }
}
