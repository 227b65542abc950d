using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text;
using MailKit.Security;
using MimeKit;
using PaperModel.Cli.Output;
using PaperModel.Digest;
using PaperModel.Digest.Mail;

namespace PaperModel.Cli.Commands;

/// <summary>
/// <c>papers digest &lt;files...&gt;</c>: the papers on chosen topics, grouped by topic and ranked, as text, Markdown,
/// HTML or a mail message, written or sent by SMTP; <c>--state</c> remembers what was listed.
/// </summary>
internal static class DigestCommand
{
    /// <summary>The variable holding the SMTP user name (credentials never come from the command line).</summary>
    public const string UserVariable = "PAPERS_SMTP_USER";

    /// <summary>The variable holding the SMTP password.</summary>
    public const string PasswordVariable = "PAPERS_SMTP_PASSWORD";

    private static readonly Dictionary<string, SecureSocketOptions> Securities = new(StringComparer.Ordinal)
    {
        ["auto"] = SecureSocketOptions.Auto,
        ["starttls"] = SecureSocketOptions.StartTls,
        ["tls"] = SecureSocketOptions.SslOnConnect,
        ["none"] = SecureSocketOptions.None,
    };

    public static Command Create(CliContext context)
    {
        var inputs = new InputOptions();
        var taxonomy = TaxonomyOption.Create();
        var topics = CommonOptions.Topics("Topic ids to include, each with its subtopics (repeat the option or list several: --topic peft,moe); default: every topic.");
        var minScore = TopicOptions.MinScore();
        var maxPerTopic = new Option<int?>("--max-per-topic") { Description = "At most this many papers per topic (the best ranked).", HelpName = "n" };
        maxPerTopic.Validators.Add(static r => RequirePositive(r, "--max-per-topic"));
        var since = new Option<DateTimeOffset?>("--since") { Description = "Only papers dated on or after this day (yyyy-MM-dd).", HelpName = "date" };
        var until = new Option<DateTimeOffset?>("--until") { Description = "Only papers dated before this day (yyyy-MM-dd).", HelpName = "date" };
        var state = new Option<string?>("--state")
        {
            Description = "A state file of papers already listed (by arXiv id without version): they are left out, and the new ones are added once the digest is written or sent.",
            HelpName = "file",
        };
        var title = new Option<string?>("--title") { Description = "The digest's heading (default: 'Papers on your topics').", HelpName = "text" };
        var output = new OutputOptions<DigestOutputKind>(
            DigestOutputKind.Text,
            "What to write: text, markdown, html or eml (a mail message); default: from the --out extension (.txt, .md, .html, .eml, each optionally .gz), else text.",
            acceptsOldSpellings: false);
        var mailTo = new Option<string[]>("--mail-to")
        {
            Description = "Send the digest to these addresses (repeat the option) instead of writing it; needs --smtp.",
            HelpName = "address",
            AllowMultipleArgumentsPerToken = true,
        };
        var smtp = new Option<string?>("--smtp")
        {
            Description = $"The SMTP server as host:port. Credentials, if any, come from the {UserVariable} and {PasswordVariable} environment variables.",
            HelpName = "host:port",
        };
        var security = new Option<string>("--smtp-security")
        {
            Description = "TLS: auto (TLS on connect for port 465, else STARTTLS when offered), starttls (required), tls (on connect) or none.",
            DefaultValueFactory = static _ => "auto",
            HelpName = "auto|starttls|tls|none",
        };
        security.AcceptOnlyFromAmong([.. Securities.Keys]);
        var from = new Option<string?>("--from") { Description = $"The sender address (default: {UserVariable} when it is an address, else papers@localhost).", HelpName = "address" };
        var subject = new Option<string?>("--subject") { Description = "The mail subject (default: the title, the paper count and the dates).", HelpName = "text" };

        var command = new Command("digest", "A digest of the papers on your topics: grouped, ranked, with links and evidence; written as text, Markdown, HTML or mail, or sent.")
        {
            inputs.Files, inputs.Format, inputs.Year, inputs.Limit, inputs.Quiet, taxonomy, topics, minScore, maxPerTopic, since, until, state, title,
            output.Out, output.As, mailTo, smtp, security, from, subject,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var classifier = TaxonomyOption.LoadClassifier(parseResult.GetValue(taxonomy), context, out var taxonomyProblems);
            if (classifier is null)
            {
                return ExitCodes.Problems;
            }

            var wanted = TopicOptions.GetKnownTopics(parseResult, topics, classifier.Taxonomy, context);
            var recipients = ParseAddresses(parseResult.GetValue(mailTo) ?? [], context);
            var server = ParseServer(parseResult.GetValue(smtp), context);
            if (wanted is null || recipients is null || (server is null && parseResult.GetValue(smtp) is not null))
            {
                return ExitCodes.Usage;
            }

            if (recipients.Count > 0 && server is null)
            {
                return Usage(context, "--mail-to needs --smtp host:port.");
            }

            var path = parseResult.GetValue(output.Out) is { } p && p != InputReader.StandardInput ? p : null;
            var kind = parseResult.GetResult(output.As) is { Implicit: false } ? output.GetKind(parseResult, context) : KindOf(path);
            if (kind is null)
            {
                return Usage(context, $"cannot tell the form of '{path}' from its extension; name it .txt, .md, .html or .eml, or give --as.");
            }

            var statePath = parseResult.GetValue(state);
            SeenPapers? seen = null;
            if (statePath is not null)
            {
                try
                {
                    seen = SeenPapers.Load(statePath);
                }
                catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
                {
                    context.Error.WriteLine(ex is InvalidDataException ? ex.Message : $"{statePath}: error: cannot read the state file: {ex.Message}");
                    return ExitCodes.Problems;
                }
            }

            var reader = inputs.CreateReader(parseResult, context);
            var digest = PaperDigest.Create(reader.ReadPapers(inputs.GetFiles(parseResult)), classifier, new DigestOptions
            {
                Topics = wanted,
                MinimumScore = parseResult.GetValue(minScore),
                MaxPerTopic = parseResult.GetValue(maxPerTopic),
                Since = parseResult.GetValue(since),
                Until = parseResult.GetValue(until),
                Seen = seen,
                Title = parseResult.GetValue(title),
            });

            if (recipients.Count > 0 || kind == DigestOutputKind.Eml)
            {
                var sender = parseResult.GetValue(from) is { } f ? ParseAddresses([f], context)?.SingleOrDefault() : DefaultSender(context);
                if (sender is null)
                {
                    return ExitCodes.Usage;
                }

                var message = DigestMail.CreateMessage(digest, sender, recipients.Count > 0 ? recipients : [sender], parseResult.GetValue(subject));
                if (recipients.Count > 0)
                {
                    var settings = server! with { Security = Securities[parseResult.GetValue(security)!], Credentials = Credentials(context) };
                    try
                    {
                        await DigestMail.SendAsync(message, settings, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException or MailKit.CommandException or AuthenticationException or SslHandshakeException or TimeoutException)
                    {
                        context.Error.WriteLine($"papers: error: cannot send the digest through {settings.Host}:{settings.Port}: {ex.Message}");
                        return ExitCodes.Problems;
                    }

                    context.Error.WriteLine($"papers: sent {digest.Papers.Count} papers to {string.Join(", ", recipients)}.");
                }
                else if (!WriteTo(output, parseResult, context, stream => message.WriteTo(stream, cancellationToken)))
                {
                    return ExitCodes.Problems;
                }
            }
            else
            {
                var renderer = kind switch
                {
                    DigestOutputKind.Markdown => DigestRenderer.Markdown,
                    DigestOutputKind.Html => DigestRenderer.Html,
                    _ => DigestRenderer.PlainText,
                };
                var written = WriteTo(output, parseResult, context, stream =>
                {
                    using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
                    renderer.Render(digest, writer);
                });
                if (!written)
                {
                    return ExitCodes.Problems;
                }
            }

            if (seen is not null && statePath is not null)
            {
                seen.Add(digest, DateTimeOffset.UtcNow);
                seen.Save(statePath);
            }

            return reader.ProblemCount == 0 && taxonomyProblems == 0 ? ExitCodes.Success : ExitCodes.Problems;
        });
        return command;
    }

    // The form named by the extension, under a compressing .gz.
    private static DigestOutputKind? KindOf(string? path) => Path.GetExtension(path?.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) == true ? path[..^3] : path)?.ToUpperInvariant() switch
    {
        null or "" when path is null => DigestOutputKind.Text,
        ".TXT" => DigestOutputKind.Text,
        ".MD" or ".MARKDOWN" => DigestOutputKind.Markdown,
        ".HTML" or ".HTM" => DigestOutputKind.Html,
        ".EML" => DigestOutputKind.Eml,
        _ => null,
    };

    /// <summary>
    /// Writes to the <c>--out</c> target (through its writer, so the order with other output on standard output is
    /// kept); <see langword="false"/> after writing why when the file cannot be created.
    /// </summary>
    private static bool WriteTo(OutputOptions output, ParseResult parseResult, CliContext context, Action<Stream> write)
    {
        using var target = output.Open(parseResult, context);
        if (target is null)
        {
            return false;
        }

        using var buffer = new MemoryStream();
        write(buffer);
        target.Writer.Write(new UTF8Encoding(false).GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        return true;
    }

    private static List<MailboxAddress>? ParseAddresses(IEnumerable<string> values, CliContext context)
    {
        var addresses = new List<MailboxAddress>();
        foreach (var value in values)
        {
            if (!MailboxAddress.TryParse(value, out var address) || !address.Address.Contains('@', StringComparison.Ordinal))
            {
                Usage(context, $"'{value}' is not a mail address.");
                return null;
            }

            addresses.Add(address);
        }

        return addresses;
    }

    private static SmtpSettings? ParseServer(string? value, CliContext context)
    {
        if (value is null)
        {
            return null;
        }

        var colon = value.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            Usage(context, $"--smtp '{value}' is not host:port (smtp.example.org:587).");
            return null;
        }

        return new SmtpSettings(value[..colon].Trim('[', ']'), port);
    }

    private static NetworkCredential? Credentials(CliContext context) =>
        context.GetEnvironmentVariable(UserVariable) is { Length: > 0 } user
            ? new NetworkCredential(user, context.GetEnvironmentVariable(PasswordVariable) ?? string.Empty)
            : null;

    private static MailboxAddress DefaultSender(CliContext context) =>
        context.GetEnvironmentVariable(UserVariable) is { } user && MailboxAddress.TryParse(user, out var address) && user.Contains('@', StringComparison.Ordinal)
            ? address
            : new MailboxAddress("papers", "papers@localhost");

    private static int Usage(CliContext context, string message)
    {
        context.Error.WriteLine($"papers: error: {message}");
        context.Error.WriteLine("Run 'papers digest --help' for usage.");
        return ExitCodes.Usage;
    }

    private static void RequirePositive(System.CommandLine.Parsing.OptionResult result, string name)
    {
        if (result.GetValueOrDefault<int?>() is { } value && value < 1)
        {
            result.AddError($"{name} must be at least 1, not {value}.");
        }
    }
}
