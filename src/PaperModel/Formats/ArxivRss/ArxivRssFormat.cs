using System.Xml.Linq;

namespace PaperModel.Formats;

/// <summary>
/// The arXiv announcement feeds of <c>rss.arxiv.org</c>: RSS 2.0 (<c>/rss/cs.CL+cs.LG</c>) and the Atom variant of
/// the same feed (<c>/atom/cs.CL</c>), one item per paper announced that day.
/// </summary>
/// <remarks>
/// <para>
/// The reader streams item by item with the same XML settings as <see cref="ArxivAtomFormat"/> (no DTD, nothing
/// resolved). Problems have codes PM1120-PM1129; an XML error stops the reading at that point (the items before it are
/// kept).
/// </para>
/// <para>
/// Mapping: the versioned id comes from the description's <c>arXiv:2411.17700v1</c> (else from <c>guid</c> or
/// <c>id</c>, <c>oai:arXiv.org:2411.17700v1</c>, else from the abstract link); <c>arxiv:announce_type</c> (else the
/// description's <c>Announce Type:</c>) is <see cref="Paper.AnnounceType"/>; the abstract is the description after
/// <c>Abstract:</c>; <c>dc:creator</c> is split into authors; the <c>category</c> elements are
/// <see cref="Paper.Categories"/>, the first being the primary one; <c>pubDate</c> (Atom: <c>published</c>), the
/// announcement day, is <see cref="Paper.ListedOn"/>; <c>dc:rights</c>, <c>arxiv:DOI</c> and
/// <c>arxiv:journal_reference</c> are the licence, DOI and journal reference. The feeds carry no submission date and no
/// versions.
/// </para>
/// <para>
/// A feed asked for a category that does not exist is a channel titled <c>Feed error for query: …</c>: its description,
/// the feed's message, becomes an error (PM1122). An empty feed (weekends, holidays) gives no paper and no problem.
/// </para>
/// <para>The one instance is <see cref="PaperFormats.ArxivRss"/>.</para>
/// </remarks>
public sealed class ArxivRssFormat : PaperFormat
{
    /// <summary>The format's name, <c>arxiv-rss</c>.</summary>
    internal const string FormatName = "arxiv-rss";

    internal ArxivRssFormat()
        : base(FormatName, "arXiv announcement feed (rss.arxiv.org, RSS 2.0 or Atom)")
    {
    }

    // The RSS elements have no namespace.
    private static readonly XName Item = "item";
    private static readonly XName ChannelTitle = "title";
    private static readonly XName ChannelDescription = "description";

    internal override RecordParser CreateParser(Stream stream, PaperReadOptions options, ProblemSink sink) =>
        new XmlRecordParser(stream, options, sink, new Channel().Shape);

    /// <summary>
    /// One reading's view of the channel: items and Atom entries are papers, while the channel's own title and
    /// description (outside every item) tell an error feed, whose description is the message.
    /// </summary>
    private sealed class Channel
    {
        private static readonly XNamespace Atom = ArxivAtomFormat.AtomNamespace;
        private bool _isErrorFeed;

        public Channel() =>
            Shape = new XmlRecordShape(
                RootNames: ["rss", Atom + "feed"],
                RecordNames: [Item, Atom + "entry", ChannelTitle, ChannelDescription],
                ReadProblems.RssInvalidXml,
                ReadProblems.RssNotAFeed,
                ReadProblems.RssItemTooLong,
                ReadProblems.RssItemTooDeep,
                Map,
                UnnumberedNames: [ChannelTitle, ChannelDescription]);

        public XmlRecordShape Shape { get; }

        private Paper? Map(XElement element, ProblemSink sink)
        {
            if (element.Name == ChannelTitle)
            {
                _isErrorFeed = element.Value.TrimStart().StartsWith("Feed error for query", StringComparison.OrdinalIgnoreCase);
                return null;
            }

            if (element.Name == ChannelDescription)
            {
                return _isErrorFeed ? throw sink.Reject(ReadProblems.RssFeedError, -1, InputText.NormalizeWhitespace(element.Value).TrimEnd('.')) : null;
            }

            return ArxivRssItem.Map(element, sink);
        }
    }
}
