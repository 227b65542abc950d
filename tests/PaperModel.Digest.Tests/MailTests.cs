using System.Text;
using MimeKit;

namespace PaperModel.Digest.Tests;

/// <summary>Sending a digest through a real SMTP server on 127.0.0.1, and writing it as an .eml file.</summary>
public sealed class MailTests : IDisposable
{
    private const string User = "digest-user";
    private const string Password = "s3cret-pässword";

    private readonly string _folder = Directory.CreateTempSubdirectory("papermodel-digest-mail-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Papers_digest_sends_one_multipart_alternative_message_with_both_forms()
    {
        await using var server = SmtpTestServer.Start(User, Password);
        var input = TestPapers.WriteJsonLines(_folder, Guid.NewGuid().ToString("N") + ".jsonl", TestPapers.Lora("2507.01111", "Über LoRA: Low-Rank Adaptation für alle — 低秩适配", upvotes: 12, authors: 600));
        var state = Path.Combine(_folder, "state.json");

        var run = CliRunner.Run(
            ["digest", input, "--topic", "peft", "--state", state, "--mail-to", "Zoë Reader <zoe@example.org>", "--mail-to", "team@example.org",
             "--smtp", $"127.0.0.1:{server.Port}", "--smtp-security", "none", "--from", "Digest <digest@example.org>", "--title", "Papiers du jour — für Zoë"],
            new Dictionary<string, string> { ["PAPERS_SMTP_USER"] = User, ["PAPERS_SMTP_PASSWORD"] = Password });

        run.Exit.Should().Be(0, run.Stderr);
        server.Users.Should().Equal([User], "credentials come from the environment");
        var received = server.Messages.Should().ContainSingle().Subject;
        received.From.Should().Be("digest@example.org");
        received.To.Should().BeEquivalentTo("zoe@example.org", "team@example.org");

        var raw = Encoding.ASCII.GetString(received.Raw);
        raw.Should().MatchRegex(@"(?m)^Subject: .*=\?utf-8\?[bq]\?", "a non-ASCII subject is RFC 2047 encoded on the wire");
        raw.Should().Contain("To: =?utf-8?").And.Contain("<zoe@example.org>");
        received.Raw.Should().OnlyContain(static b => b < 128, "every part is transfer-encoded to 7-bit");

        var message = received.Message;
        message.Subject.Should().Be("Papiers du jour — für Zoë: 1 paper (Jul 30, 2025)");
        message.From.Mailboxes.Single().Address.Should().Be("digest@example.org");
        message.To.Mailboxes.Select(static m => m.Name).Should().Contain("Zoë Reader");
        message.Headers["Auto-Submitted"].Should().Be("auto-generated");
        message.MessageId.Should().NotBeNullOrEmpty();
        message.Body!.ContentType.MimeType.Should().Be("multipart/alternative");
        var parts = ((Multipart)message.Body).Cast<TextPart>().ToList();
        parts.Select(static p => p.ContentType.MimeType).Should().Equal("text/plain", "text/html");
        parts.Should().OnlyContain(static p => p.ContentType.Charset == "utf-8" && p.ContentTransferEncoding == ContentEncoding.QuotedPrintable);
        parts[0].Text.Should().Contain("Über LoRA: Low-Rank Adaptation für alle — 低秩适配").And.Contain("(600 authors)");
        parts[1].Text.Should().Contain("Über <mark").And.Contain("für alle — 低秩适配</a>");
        File.ReadAllText(state).Should().Contain("2507.01111", "a sent digest is remembered");
    }

    [Fact]
    public async Task A_non_ascii_subject_and_wrong_credentials()
    {
        await using var server = SmtpTestServer.Start(User, Password);
        var input = TestPapers.WriteJsonLines(_folder, Guid.NewGuid().ToString("N") + ".jsonl", TestPapers.Lora("2507.02222"));
        var state = Path.Combine(_folder, "state.json");
        string[] args = ["digest", input, "--state", state, "--mail-to", "zoe@example.org", "--smtp", $"127.0.0.1:{server.Port}", "--smtp-security", "none", "--subject", "Vos articles — été"];

        var refused = CliRunner.Run(args, new Dictionary<string, string> { ["PAPERS_SMTP_USER"] = User, ["PAPERS_SMTP_PASSWORD"] = "wrong" });

        refused.Exit.Should().Be(1);
        refused.Stderr.Should().Contain($"papers: error: cannot send the digest through 127.0.0.1:{server.Port}");
        server.Messages.Should().BeEmpty();
        File.Exists(state).Should().BeFalse("a digest that was not delivered is not remembered");

        var sent = CliRunner.Run(args, new Dictionary<string, string> { ["PAPERS_SMTP_USER"] = User, ["PAPERS_SMTP_PASSWORD"] = Password });

        sent.Exit.Should().Be(0, sent.Stderr);
        server.Messages.Should().ContainSingle().Which.Message.Subject.Should().Be("Vos articles — été");
    }

    [Fact]
    public void Out_eml_writes_the_message_instead_of_sending()
    {
        var input = TestPapers.WriteJsonLines(_folder, Guid.NewGuid().ToString("N") + ".jsonl", TestPapers.Lora("2507.03333", "Ça marche: LoRA"));
        var eml = Path.Combine(_folder, "digest.eml");

        var run = CliRunner.Run(["digest", input, "--out", eml, "--from", "digest@example.org"]);

        run.Exit.Should().Be(0, run.Stderr);
        var message = MimeMessage.Load(eml);
        message.Body!.ContentType.MimeType.Should().Be("multipart/alternative");
        message.TextBody!.Should().Contain("Ça marche: LoRA");
        message.HtmlBody!.Should().Contain("Ça marche: <mark", "letters stay letters, not entities");
        message.To.Mailboxes.Single().Address.Should().Be("digest@example.org", "without --mail-to the message is addressed to the sender");
    }

    [Fact]
    public void Mail_to_without_smtp_is_a_usage_error()
    {
        var run = CliRunner.Run(["digest", TestPapers.WriteJsonLines(_folder, Guid.NewGuid().ToString("N") + ".jsonl", TestPapers.Lora("2507.04444")), "--mail-to", "zoe@example.org"]);

        run.Exit.Should().Be(2);
        run.Stderr.Should().Contain("--mail-to needs --smtp host:port.");
    }
}
