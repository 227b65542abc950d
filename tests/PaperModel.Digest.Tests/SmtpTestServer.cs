using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace PaperModel.Digest.Tests;

/// <summary>A real SMTP server (the SmtpServer package) listening on 127.0.0.1, keeping every message it receives.</summary>
internal sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;

    private SmtpTestServer(int port, string user, string password)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(builder => builder
                .Endpoint(new IPEndPoint(IPAddress.Loopback, port))
                .AuthenticationRequired(true)
                .AllowUnsecureAuthentication(true))
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Authenticator(this, user, password));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    /// <summary>The port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The messages received, as parsed from the bytes on the wire, with their envelope.</summary>
    public ConcurrentQueue<Received> Messages { get; } = new();

    /// <summary>The user names that authenticated.</summary>
    public ConcurrentQueue<string> Users { get; } = new();

    /// <summary>Starts a server on a free port that accepts only <paramref name="user"/> with <paramref name="password"/>.</summary>
    public static SmtpTestServer Start(string user, string password)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new SmtpTestServer(port, user, password);
    }

    public async ValueTask DisposeAsync()
    {
        _server.Shutdown();
        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    /// <summary>A message as received: the envelope and the raw bytes.</summary>
    internal sealed record Received(string From, IReadOnlyList<string> To, byte[] Raw)
    {
        public MimeMessage Message => MimeMessage.Load(new MemoryStream(Raw));
    }

    private sealed class Store(SmtpTestServer owner) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            owner.Messages.Enqueue(new Received(
                transaction.From.User + "@" + transaction.From.Host,
                transaction.To.Select(static t => t.User + "@" + t.Host).ToList(),
                buffer.ToArray()));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    private sealed class Authenticator(SmtpTestServer owner, string user, string password) : IUserAuthenticator
    {
        public Task<bool> AuthenticateAsync(ISessionContext context, string name, string secret, CancellationToken cancellationToken)
        {
            var ok = name == user && secret == password;
            if (ok)
            {
                owner.Users.Enqueue(name);
            }

            return Task.FromResult(ok);
        }
    }
}
