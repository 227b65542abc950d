using System.Text;

namespace PaperModel.Digest;

/// <summary>Plain text wrapped at <see cref="Width"/> columns; matched phrases between asterisks.</summary>
internal sealed class TextDigestRenderer : DigestRenderer
{
    /// <summary>The line width (mail's traditional 78).</summary>
    internal const int Width = 78;

    private const string Indent = "   ";

    public override string MediaType => "text/plain";

    public override string FileExtension => ".txt";

    private protected override void Write(PaperDigest digest, TextWriter writer)
    {
        writer.WriteLine(digest.Title);
        writer.WriteLine(new string('=', Math.Min(Width, digest.Title.Length)));
        var dates = Dates(digest);
        writer.WriteLine(Summary(digest) + (dates.Length > 0 ? " · " + dates : string.Empty));
        foreach (var section in digest.Sections)
        {
            writer.WriteLine();
            var heading = $"{section.Heading} ({section.Entries.Count})";
            writer.WriteLine(heading);
            writer.WriteLine(new string('-', Math.Min(Width, heading.Length)));
            var number = 0;
            foreach (var entry in section.Entries)
            {
                writer.WriteLine();
                Wrap(writer, $"{++number}. ", entry.Paper.Title);
                Wrap(writer, Indent, string.Join(" · ", Facts(entry)));
                if (entry.Paper.Snippet.Count > 0)
                {
                    Wrap(writer, Indent, string.Concat(entry.Paper.Snippet.Select(static r => r.IsEvidence ? "*" + r.Text + "*" : r.Text)));
                }

                Wrap(writer, Indent, "Matched: " + string.Join(", ", entry.Evidence.Select(static p => "\"" + p + "\"")));
                foreach (var link in entry.Paper.Links)
                {
                    writer.WriteLine($"{Indent}{link.Label}: {link.Url.AbsoluteUri}");
                }
            }
        }
    }

    /// <summary>Writes <paramref name="text"/> word-wrapped, the first line after <paramref name="first"/>, the others indented as deep.</summary>
    private static void Wrap(TextWriter writer, string first, string text)
    {
        var indent = new string(' ', first.Length);
        var line = new StringBuilder(first);
        var empty = true;
        foreach (var word in text.Split([' ', '\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && line.Length + 1 + word.Length > Width)
            {
                writer.WriteLine(line.ToString());
                line.Clear().Append(indent);
                empty = true;
            }

            if (!empty)
            {
                line.Append(' ');
            }

            line.Append(word);
            empty = false;
        }

        writer.WriteLine(line.ToString());
    }
}
