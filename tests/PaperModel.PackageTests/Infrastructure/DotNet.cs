using System.Collections;

namespace PaperModel.PackageTests.Infrastructure;

/// <summary>Runs the .NET CLI isolated from the test host's own MSBuild environment and without build servers.</summary>
internal static class DotNet
{
    /// <summary>The time limit of one command (a cold restore of a consumer may download runtime packs).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);

    /// <summary>The <c>dotnet</c> host running these tests, else the one on the PATH.</summary>
    public static string Host { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    /// <param name="workingDirectory">The working directory.</param>
    /// <param name="environment">Extra variables (a <see langword="null"/> value removes one), or <see langword="null"/>.</param>
    /// <param name="arguments">The arguments.</param>
    /// <returns>The result (check it with <see cref="ProcessResult.ShouldSucceed"/>).</returns>
    public static ProcessResult Run(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        var variables = BaseEnvironment();
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[name] = value;
        }

        return ProcessRunner.Run(Host, arguments, workingDirectory, variables, Timeout);
    }

    /// <summary>
    /// Variables for a child <c>dotnet</c>: the test host runs under MSBuild/VSTest variables that must not leak into an
    /// unrelated build, and build servers would outlive the test and hold its output pipes open.
    /// </summary>
    private static Dictionary<string, string?> BaseEnvironment()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                variables[name] = null;
            }
        }

        variables["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        variables["DOTNET_NOLOGO"] = "1";
        variables["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        variables["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        variables["MSBUILDDISABLENODEREUSE"] = "1";
        return variables;
    }
}
