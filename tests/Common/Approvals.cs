using System.Runtime.CompilerServices;

namespace PaperModel.Testing;

/// <summary>
/// Approval (snapshot) checks against committed <c>*.approved.*</c> files.
/// </summary>
/// <remarks>
/// <para>
/// On a mismatch the actual text is written next to the approved file as <c>*.received.*</c> (ignored by git) and
/// the test fails naming both files and the first differing line. To accept the change, review the diff and run the
/// failing tests again with <c>PAPERMODEL_ACCEPT=1</c>: the approved files are overwritten (or created) and the
/// received files deleted. Commit the approved files like code.
/// </para>
/// <para>
/// Line endings are normalised to <c>\n</c> and a final newline is added, so a checkout with other line endings
/// still compares equal.
/// </para>
/// </remarks>
internal static class Approvals
{
    /// <summary>The environment variable that accepts received output as approved.</summary>
    public const string AcceptVariable = "PAPERMODEL_ACCEPT";

    /// <summary>Whether this run accepts received output (<c>PAPERMODEL_ACCEPT=1</c> or <c>true</c>).</summary>
    public static bool Accepting => Environment.GetEnvironmentVariable(AcceptVariable) is "1" or "true" or "True";

    /// <summary>Compares <paramref name="actual"/> with an approved file, failing the test on a difference.</summary>
    /// <param name="actual">The text produced by the code under test.</param>
    /// <param name="approvedPath">
    /// The approved file, absolute or relative to the repository root (<c>tests/X/Snapshots/Name.approved.txt</c>); its
    /// name must contain <c>.approved.</c>.
    /// </param>
    /// <param name="testName">The calling test, for the hint on how to accept (filled in by the compiler).</param>
    public static void Verify(string actual, string approvedPath, [CallerMemberName] string testName = "")
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(approvedPath);

        var approved = Path.GetFullPath(Path.Combine(RepoPaths.Root, approvedPath));
        var fileName = Path.GetFileName(approved);
        if (!fileName.Contains(".approved.", StringComparison.Ordinal))
        {
            throw new ArgumentException($"An approved file name must contain '.approved.': {fileName}", nameof(approvedPath));
        }

        var received = Path.Combine(Path.GetDirectoryName(approved)!, fileName.Replace(".approved.", ".received.", StringComparison.Ordinal));
        var text = Normalize(actual);

        if (Accepting)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(approved)!);
            File.WriteAllText(approved, text);
            File.Delete(received);
            return;
        }

        var expected = File.Exists(approved) ? Normalize(File.ReadAllText(approved)) : null;
        if (expected == text)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, text);
        var relativeApproved = Path.GetRelativePath(RepoPaths.Root, approved);
        var relativeReceived = Path.GetRelativePath(RepoPaths.Root, received);
        var project = string.Join('/', relativeApproved.Split(Path.DirectorySeparatorChar).Take(2));
        var what = expected is null
            ? $"No approved file {relativeApproved} yet."
            : $"{relativeApproved} differs from the output {Describe(expected, text)}";
        Assert.Fail(
            $"""
            {what}
            Received output written to {relativeReceived}.
            Review:  diff -u {relativeApproved} {relativeReceived}
            Accept:  {AcceptVariable}=1 dotnet test {project} -c Release --filter FullyQualifiedName~{testName}  (then commit the approved file)
            """);
    }

    private static string Normalize(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        return text.EndsWith('\n') ? text : text + "\n";
    }

    private static string Describe(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
        {
            line++;
        }

        var e = line < expectedLines.Length ? expectedLines[line] : "<end of file>";
        var a = line < actualLines.Length ? actualLines[line] : "<end of file>";
        return $"at line {line + 1}:\n  approved: {e}\n  received: {a}";
    }
}
