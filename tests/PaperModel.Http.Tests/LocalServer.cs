using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PaperModel.Testing;

/// <summary>A request as the local server saw it.</summary>
/// <param name="PathAndQuery">The path and query string, as sent.</param>
/// <param name="UserAgent">The User-Agent header.</param>
/// <param name="At">When it arrived, on the test's clock.</param>
internal sealed record SeenRequest(string PathAndQuery, string UserAgent, DateTimeOffset At)
{
    public string Query(string name) =>
        QueryHelpers(PathAndQuery).TryGetValue(name, out var value) ? value : string.Empty;

    private static Dictionary<string, string> QueryHelpers(string pathAndQuery)
    {
        var q = pathAndQuery.IndexOf('?') is var i and >= 0 ? pathAndQuery[(i + 1)..] : string.Empty;
        return q.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(static p => p.Split('=', 2))
            .ToDictionary(static p => Uri.UnescapeDataString(p[0]), static p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : string.Empty);
    }
}

/// <summary>
/// A real Kestrel server on 127.0.0.1 (port chosen by the system) that answers with <see cref="Respond"/> and records
/// every request. Misbehaviours (429, 503, slow or cut-off bodies, resets) are written by the tests as responders.
/// </summary>
internal sealed class LocalServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeProvider _clock;

    private LocalServer(WebApplication app, TimeProvider clock)
    {
        _app = app;
        _clock = clock;
    }

    /// <summary>The server's root, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every request, in arrival order.</summary>
    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    /// <summary>Answers a request; the argument is the number of the request (1-based).</summary>
    public Func<HttpContext, int, Task> Respond { get; set; } = static (context, _) =>
    {
        context.Response.StatusCode = 404;
        return Task.CompletedTask;
    };

    public static async Task<LocalServer> StartAsync(TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LocalServer(app, clock ?? TimeProvider.System);
        var count = 0;
        app.Run(context =>
        {
            var request = context.Request;
            server.Requests.Enqueue(new SeenRequest(request.Path + request.QueryString, request.Headers.UserAgent.ToString(), server._clock.GetUtcNow()));
            return server.Respond(context, Interlocked.Increment(ref count));
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    // Responders.

    public static async Task Send(HttpContext context, string body, string contentType, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body, context.RequestAborted);
    }

    public static Task SendFile(HttpContext context, string path, string contentType) =>
        Send(context, File.ReadAllText(path), contentType);

    public static Task Status(HttpContext context, int status, string? retryAfter = null)
    {
        context.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        return Task.CompletedTask;
    }

    /// <summary>Announces the whole body, sends half of it and drops the connection.</summary>
    public static async Task Truncated(HttpContext context, string body, string contentType)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        context.Abort();
    }

    /// <summary>Drops the connection without an answer.</summary>
    public static Task Reset(HttpContext context)
    {
        context.Abort();
        return Task.CompletedTask;
    }

    /// <summary>Answers nothing for a long time (until the client gives up).</summary>
    public static async Task Slow(HttpContext context)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up, as the test wants.
        }
    }
}
