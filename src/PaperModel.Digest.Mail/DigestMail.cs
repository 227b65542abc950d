using MailKit.Net.Smtp;
using MimeKit;

namespace PaperModel.Digest.Mail;

/// <summary>
/// Turns a <see cref="PaperDigest"/> into a mail message and sends it: one <c>multipart/alternative</c> message whose
/// plain-text part is <see cref="DigestRenderer.PlainText"/> and whose HTML part is <see cref="DigestRenderer.Html"/>,
/// both UTF-8 and quoted-printable; headers with non-ASCII text (a title with "é" or "—") are RFC 2047 encoded by MimeKit. Stateless and
/// thread-safe.
/// </summary>
public static class DigestMail
{
    /// <summary>Builds the message.</summary>
    /// <param name="digest">The digest.</param>
    /// <param name="from">The sender.</param>
    /// <param name="to">The recipients (at least one).</param>
    /// <param name="subject">The subject; <see langword="null"/>: the digest title, the paper count and the dates.</param>
    /// <returns>A new message, ready to send or to write as an <c>.eml</c> file (<see cref="MimeMessage.WriteTo(string, CancellationToken)"/>).</returns>
    public static MimeMessage CreateMessage(PaperDigest digest, MailboxAddress from, IEnumerable<MailboxAddress> to, string? subject = null)
    {
        if (digest is null)
        {
            throw new ArgumentNullException(nameof(digest));
        }

        if (from is null)
        {
            throw new ArgumentNullException(nameof(from));
        }

        var recipients = to?.ToList() ?? throw new ArgumentNullException(nameof(to));
        if (recipients.Count == 0)
        {
            throw new ArgumentException("A message needs at least one recipient.", nameof(to));
        }

        var message = new MimeMessage { Subject = subject ?? DefaultSubject(digest), Date = DateTimeOffset.UtcNow };
        message.From.Add(from);
        message.To.AddRange(recipients);

        // Marks the message as generated, so auto-responders do not answer it (RFC 3834).
        message.Headers.Add("Auto-Submitted", "auto-generated");
        var body = new BodyBuilder
        {
            TextBody = DigestRenderer.PlainText.Render(digest),
            HtmlBody = DigestRenderer.Html.Render(digest),
        };
        message.Body = body.ToMessageBody();

        // Quoted-printable: 7-bit safe through any relay and in .eml files, lines within SMTP's limit, and still
        // readable where the text is ASCII.
        foreach (var part in message.BodyParts.OfType<TextPart>())
        {
            part.ContentTransferEncoding = ContentEncoding.QuotedPrintable;
        }

        return message;
    }

    /// <summary>The subject used when none is given: <c>Papers on your topics: 12 papers in 4 topics (Jul 30, 2026)</c>.</summary>
    /// <param name="digest">The digest.</param>
    /// <returns>The subject.</returns>
    public static string DefaultSubject(PaperDigest digest)
    {
        if (digest is null)
        {
            throw new ArgumentNullException(nameof(digest));
        }

        var count = digest.Papers.Count == 1 ? "1 paper" : $"{digest.Papers.Count} papers";
        var dates = digest.DateRange is var (first, last) ? $" ({(first.Date == last.Date ? Day(last) : Day(first) + " – " + Day(last))})" : string.Empty;
        return $"{digest.Title}: {(digest.IsEmpty ? "no new papers" : count)}{dates}";
    }

    /// <summary>Sends the message over SMTP.</summary>
    /// <param name="message">The message.</param>
    /// <param name="settings">The server, its TLS use and the credentials.</param>
    /// <param name="cancellationToken">Cancels the connection or the transfer.</param>
    /// <returns>The server's final response text.</returns>
    /// <exception cref="MailKit.Security.AuthenticationException">The server refused the credentials.</exception>
    /// <exception cref="SmtpCommandException">The server refused the sender, a recipient or the message.</exception>
    /// <exception cref="IOException">The connection failed.</exception>
    public static async Task<string> SendAsync(MimeMessage message, SmtpSettings settings, CancellationToken cancellationToken = default)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        if (settings is null)
        {
            throw new ArgumentNullException(nameof(settings));
        }

        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        await client.ConnectAsync(settings.Host, settings.Port, settings.Security, cancellationToken).ConfigureAwait(false);
        if (settings.Credentials is { } credentials)
        {
            await client.AuthenticateAsync(credentials, cancellationToken).ConfigureAwait(false);
        }

        var response = await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
        return response;
    }

    private static string Day(DateTimeOffset date) => date.ToString("MMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
