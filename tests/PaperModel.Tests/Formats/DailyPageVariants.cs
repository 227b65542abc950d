using System.Globalization;
using System.Text;

namespace PaperModel.Tests.Formats;

/// <summary>
/// Copies of the real page in the other shapes that real copies take (see shared/formats/hf-daily-papers-page.md),
/// built from its 50 (title, abstract) pairs so every expected title and abstract is the real one.
/// </summary>
internal static class DailyPageVariants
{
    private static IReadOnlyList<(string Title, string Abstract)> Pairs => DailyPageSample.Pairs;

    /// <summary>A fake but well-formed new-style arXiv id for paper <paramref name="i"/>.</summary>
    public static string IdOf(int i) => "2606." + (10000 + i).ToString(CultureInfo.InvariantCulture);

    /// <summary>Upvotes shown for paper <paramref name="i"/> (0 is shown as "-").</summary>
    public static int UpvotesOf(int i) => i % 7 == 0 ? 0 : (i * 13) + 1;

    /// <summary>Comments shown for paper <paramref name="i"/>, or null when the card shows none.</summary>
    public static int? CommentsOf(int i) => i % 3 == 0 ? null : i + 2;

    /// <summary>The organization shown for paper <paramref name="i"/>, or null when the card shows an author count.</summary>
    public static string? OrganizationOf(int i) => i % 4 == 1 ? "Google" : null;

    /// <summary>
    /// A rich plain-text copy: upvotes, title, abstract, author count or organization, "·", a card date (with a year
    /// for every fifth paper), a comment count, and for some papers GitHub stars and a submitter.
    /// </summary>
    public static string RichPlainText()
    {
        var text = new StringBuilder("new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\nby\nAK\nand the research community\n\nJul 30\n\n");
        for (var i = 0; i < Pairs.Count; i++)
        {
            var (title, summary) = Pairs[i];
            text.Append(UpvotesOf(i) == 0 ? "-" : UpvotesOf(i).ToString(CultureInfo.InvariantCulture)).Append("\n\n");
            text.Append(title).Append("\n\n").Append(summary).Append("\n\n");
            text.Append(OrganizationOf(i) ?? $"{i + 1} authors").Append("\n·\n");
            text.Append(i % 5 == 0 ? "Feb 27, 2024" : "Jul 29").Append('\n');
            if (CommentsOf(i) is { } comments)
            {
                text.Append(comments.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }

            if (i % 6 == 0)
            {
                text.Append("GitHub\n1.2k\n");
            }

            if (i % 8 == 0)
            {
                text.Append("Submitted by\nakhaliq\n");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>A Markdown copy (a Firecrawl-style scrape): links, <c>### [title](url)</c>, abstracts wrapped with <c>\\</c>.</summary>
    public static string Markdown()
    {
        var text = new StringBuilder("""
            new
            Get trending papers in your email inbox once a day!
            Get trending papers in your email inbox!
            [Subscribe](https://huggingface.co/login?next=%2Fpapers)
            # Daily Papers
            ## by [![](https://huggingface.co/front/assets/papers-by.png)AK](https://huggingface.co/akhaliq) and the research community
            - Daily
            - Weekly
            - Monthly
            [Trending Papers](https://huggingface.co/papers/trending)
            Oct 2

            """.Replace("\r\n", "\n"));
        for (var i = 0; i < Pairs.Count; i++)
        {
            var (title, summary) = Pairs[i];
            var url = "https://huggingface.co/papers/" + IdOf(i);
            var votes = UpvotesOf(i) == 0 ? "-" : UpvotesOf(i).ToString(CultureInfo.InvariantCulture);
            text.Append('[').Append(votes).Append("](https://huggingface.co/login?next=%2Fpapers%2F").Append(IdOf(i)).Append(")\n");
            text.Append("### [").Append(WrapTitle(title)).Append("](").Append(url).Append(")\n");
            text.Append('[').Append(Wrap(summary, 80, "\\\\\n")).Append("](").Append(url).Append(")\n");
            text.Append(OrganizationOf(i) is { } org
                ? $"[![google](https://cdn-avatars.huggingface.co/google.png){org}](https://huggingface.co/google)\n"
                : $"[- ![](https://cdn-avatars.huggingface.co/a.png) \\\\ - ![](https://cdn-avatars.huggingface.co/b.png) \\\\ - {i + 1} authors]({url})\n");
            text.Append("·\n");
            text.Append(i % 5 == 0 ? "Feb 27, 2025" : "May 29");
            if (CommentsOf(i) is { } comments)
            {
                text.Append('[').Append(comments.ToString(CultureInfo.InvariantCulture)).Append("](").Append(url).Append("#community)");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>A text-mode browser dump: reference links, <c>[</c>/<c>]</c> on their own lines, abstracts hard-wrapped at 120 columns.</summary>
    public static string TextModeBrowser()
    {
        var text = new StringBuilder("   * [ Models ][2]\n   * [ Datasets ][3]\n\nDaily Papers\n\nby AK and the research community\n\nMay 30\n\n");
        var reference = 30;
        for (var i = 0; i < Pairs.Count; i++)
        {
            var (title, summary) = Pairs[i];
            var votes = UpvotesOf(i) == 0 ? "-" : UpvotesOf(i).ToString(CultureInfo.InvariantCulture);
            text.Append("[\n").Append(votes).Append('\n').Append("][").Append(reference++).Append("]\n");
            text.Append("### [").Append(title).Append("][").Append(reference++).Append("]\n");
            text.Append("[\n\n").Append(Wrap(summary, 120, "\n")).Append("\n][").Append(reference++).Append("]\n");
            text.Append(OrganizationOf(i) is { } org ? $"[[google] {org}][{reference++}]\n" : $"[\n   * {i + 1} authors\n][{reference++}]\n");
            text.Append("·\n");
            text.Append(CommentsOf(i) is { } comments ? $"Mar 8, 2024 [ {comments}][{reference++}]\n" : "May 30\n");
        }

        return text.ToString();
    }

    /// <summary>The plain page with each abstract hard-wrapped at 100 columns and every other title wrapped with a <c>\</c> marker.</summary>
    public static string Wrapped()
    {
        var text = new StringBuilder("Daily Papers\n\nJul 30\n\n");
        for (var i = 0; i < Pairs.Count; i++)
        {
            var (title, summary) = Pairs[i];
            var space = title.IndexOf(' ', title.Length / 2);
            text.Append(i % 2 == 0 && space > 0 ? title.Substring(0, space) + " \\\n" + title.Substring(space + 1) : title).Append("\n\n");
            text.Append(Wrap(summary, 100, "\n")).Append("\n\n");
        }

        return text.ToString();
    }

    // Breaks text at spaces so that no line is longer than width; the break replaces the space.
    private static string Wrap(string text, int width, string lineBreak)
    {
        var result = new StringBuilder();
        var lineLength = 0;
        foreach (var word in text.Split(' '))
        {
            if (lineLength > 0 && lineLength + 1 + word.Length > width)
            {
                result.Append(lineBreak);
                lineLength = 0;
            }
            else if (lineLength > 0)
            {
                result.Append(' ');
                lineLength++;
            }

            result.Append(word);
            lineLength += word.Length;
        }

        return result.ToString();
    }

    // Titles in scraped Markdown keep a wrap marker where arXiv broke the line: "Engage\  with".
    private static string WrapTitle(string title)
    {
        var space = title.IndexOf(' ', title.Length / 2);
        return space > 0 ? title.Substring(0, space) + "\\  " + title.Substring(space + 1) : title;
    }
}
