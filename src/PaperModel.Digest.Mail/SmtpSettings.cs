using System.Net;
using MailKit.Security;

namespace PaperModel.Digest.Mail;

/// <summary>Where and how <see cref="DigestMail.SendAsync"/> sends: the SMTP server, its TLS use and the credentials. Immutable.</summary>
/// <param name="Host">The server's host name or address.</param>
/// <param name="Port">The server's port (587 for submission with STARTTLS, 465 for TLS on connect, 25 for relay).</param>
public sealed record SmtpSettings(string Host, int Port)
{
    /// <summary>
    /// How TLS is used: <see cref="SecureSocketOptions.Auto"/> (the default: TLS on connect for port 465, STARTTLS when the
    /// server offers it otherwise), <see cref="SecureSocketOptions.StartTls"/> (required),
    /// <see cref="SecureSocketOptions.SslOnConnect"/> or <see cref="SecureSocketOptions.None"/>.
    /// </summary>
    public SecureSocketOptions Security { get; init; } = SecureSocketOptions.Auto;

    /// <summary>The user name and password to authenticate with, or <see langword="null"/> (the default) to send without.</summary>
    public NetworkCredential? Credentials { get; init; }

    /// <summary>The time limit of each network operation (default 60 seconds).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);
}
