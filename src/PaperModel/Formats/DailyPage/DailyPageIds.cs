using System.Globalization;
using System.Text;

namespace PaperModel.Formats.DailyPage;

/// <summary>
/// Stable ids for papers read from a Daily Papers page copy that shows no arXiv id:
/// <c>hf-daily:{slug}-{hash}</c>, e.g. <c>hf-daily:scalearn-simple-and-highly-parameter-2c9b37e1</c>.
/// </summary>
/// <remarks>
/// The slug is the title in lower case with every run of characters other than ASCII letters and digits replaced by
/// <c>-</c>, cut to at most 40 characters at a word boundary. The hash is the 32-bit FNV-1a hash of the UTF-8 bytes
/// of the whitespace-normalised title, as 8 lower-case hex digits; it keeps titles that share a slug apart. The same
/// title always gives the same id, whatever the page date or copy.
/// </remarks>
internal static class DailyPageIds
{
    public const string Prefix = "hf-daily:";
    private const int MaxSlugLength = 40;

    public static string FromTitle(string normalizedTitle)
    {
        var slug = Slug(normalizedTitle);
        var hash = Fnv1a(normalizedTitle).ToString("x8", CultureInfo.InvariantCulture);
        return slug.Length == 0 ? Prefix + hash : Prefix + slug + "-" + hash;
    }

    private static string Slug(string title)
    {
        var builder = new StringBuilder(Math.Min(title.Length, MaxSlugLength + 20));
        foreach (var c in title)
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                builder.Append(c);
            }
            else if (c is >= 'A' and <= 'Z')
            {
                builder.Append((char)(c + ('a' - 'A')));
            }
            else if (builder.Length > 0 && builder[builder.Length - 1] != '-')
            {
                builder.Append('-');
            }

            if (builder.Length > MaxSlugLength)
            {
                break;
            }
        }

        var slug = builder.ToString().TrimEnd('-');
        if (slug.Length > MaxSlugLength)
        {
            var cut = slug.LastIndexOf('-', MaxSlugLength);
            slug = cut > 0 ? slug.Substring(0, cut) : slug.Substring(0, MaxSlugLength);
        }

        return slug;
    }

    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash;
    }
}
