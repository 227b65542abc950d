namespace PaperModel.Formats;

/// <summary>
/// The reading problems (<c>PM1001</c>-<c>PM1199</c>): the one table of codes, severities, titles and messages that
/// every reader reports through a <see cref="ProblemSink"/>. Each code has a page in <c>docs/diagnostics/</c> whose
/// heading is the title (a documentation test checks both). To add a code: add a descriptor here and to
/// <see cref="All"/>, write its page and add it to the index <c>docs/diagnostics/README.md</c>.
/// </summary>
internal static class ReadProblems
{
    private const ProblemSeverity Error = ProblemSeverity.Error;
    private const ProblemSeverity Warning = ProblemSeverity.Warning;
    private const string LimitSuffix = " bytes (PaperReadOptions.MaxRecordLength); it was skipped.";

    // Input (PM1001-PM1009, PM1090).
    public static readonly ReadProblem FileNotFound = new("PM1001", Error, "Input file not found", "the file does not exist.");
    public static readonly ReadProblem IsDirectory = new("PM1002", Error, "Input cannot be read", "it is a directory, not a file.");
    public static readonly ReadProblem Unreadable = IsDirectory with { MessageFormat = "the input cannot be read: {0}" };
    public static readonly ReadProblem UnknownDocument = new("PM1003", Error, "Input is in no format the library reads", "{0}.");
    public static readonly ReadProblem CorruptGzip = new("PM1090", Error, "Gzip input is corrupt", "the gzip data is corrupt: {0}");
    public static readonly ReadProblem RecordUnreadable = new("PM1004", Error, "A record cannot be read", "the record cannot be read ({0}); reading goes on with the next one.");
    public static readonly ReadProblem InputStopped = RecordUnreadable with { MessageFormat = "the input cannot be read further ({0}); what follows is lost." };

    // Daily Papers page text (PM1010-PM1029).
    public static readonly ReadProblem NoPapers = new("PM1010", Warning, "No paper found in the page text", "no paper found: the input has no title followed by an abstract.");
    public static readonly ReadProblem TitleWithoutAbstract = new("PM1011", Error, "Title with no abstract", "'{0}' has a title but no abstract; the paper is skipped (the copy may be truncated or garbled).");
    public static readonly ReadProblem AbstractWithoutTitle = new("PM1012", Error, "Abstract with no title", "an abstract with no title before it ('{0}'); it is skipped.");
    public static readonly ReadProblem NotADay = new("PM1013", Warning, "Unparseable date line", "'{0}' is not a day of {1}; the papers that follow have no listing date.");
    public static readonly ReadProblem BadDate = NotADay with { MessageFormat = "'{0}' looks like a date but is not one (expected a month and day such as 'Jul 30' or 'Feb 27, 2025'); {1}." };
    public static readonly ReadProblem PageLineTooLong = new("PM1014", Error, "Line too long", "the line is longer than {0:N0} characters and was skipped (it starts '{1}').");
    public static readonly ReadProblem DetailsWithoutPaper = new("PM1015", Warning, "Paper details with no paper", "paper details (upvotes, authors, date or submitter) with no title and abstract; they are ignored.");
    public static readonly ReadProblem AbstractCut = new("PM1016", Warning, "Input ends in the middle of an abstract", "the input ends in the middle of the abstract of '{0}'; the copy looks truncated.");
    public static readonly ReadProblem BinaryText = new("PM1017", Error, "Binary data in page text", "'{0}' holds control characters, so this is binary data rather than page text; it is skipped.");
    public static readonly ReadProblem InvalidUtf8 = new("PM1018", Warning, "Page text is not valid UTF-8", "the title or abstract of '{0}' has bytes that are not UTF-8 (shown as \uFFFD); save the copy as UTF-8.");

    // Hugging Face API JSON (PM1030-PM1049).
    public static readonly ReadProblem ApiInvalidJson = new("PM1030", Error, "Hugging Face API input is not valid JSON", "The input is not valid JSON: {0}");
    public static readonly ReadProblem ApiItemInvalidJson = ApiInvalidJson with { MessageFormat = "{0} is not valid JSON: {1}" };
    public static readonly ReadProblem ApiNotArrayOrObject = new("PM1031", Error, "Hugging Face API document is neither an array nor an object", "The document must be a JSON array of papers or one paper object, not {0}.");
    public static readonly ReadProblem ApiWrongType = new("PM1032", Error, "A Hugging Face API value has the wrong JSON type", "{0} must be {1}, not {2}.");
    public static readonly ReadProblem ApiNotWholeNumber = ApiWrongType with { MessageFormat = "{0} must be a whole number, not {1}." };
    public static readonly ReadProblem ApiMissingId = new("PM1033", Error, "A Hugging Face API item has no id or title", "{0} has no \"id\".");
    public static readonly ReadProblem ApiMissingTitle = ApiMissingId with { MessageFormat = "{0} ({1}) has no \"title\"." };
    public static readonly ReadProblem ApiMissingAuthorName = ApiMissingId with { MessageFormat = "{0} has no \"name\"." };
    public static readonly ReadProblem ApiTokenTooLong = new("PM1034", Error, "A Hugging Face API item is longer than the limit", "A single JSON token is longer than the limit of {0} bytes (PaperReadOptions.MaxRecordLength); reading stopped.");
    public static readonly ReadProblem ApiItemTooLong = ApiTokenTooLong with { MessageFormat = "The item {0} is longer than the limit of {1}" + LimitSuffix };
    public static readonly ReadProblem ApiBadUrl = new("PM1035", Warning, "A Hugging Face API value could not be used", "{0} is '{1}', which is not an absolute http(s) URL; the link was left out.");
    public static readonly ReadProblem ApiBadDate = ApiBadUrl with { MessageFormat = "{0} is '{1}', which is not an ISO 8601 date; it was left out." };

    // Hugging Face pages saved as HTML (PM1036-PM1039; their items report the API codes above).
    public static readonly ReadProblem HtmlNoPapers = new("PM1036", Error, "The HTML page embeds no Daily Papers list or paper", "The HTML has no element with data-target=\"DailyPapers\" or \"PaperContent\" and a data-props attribute, so it holds no papers to read (a page saved as text only, or another page).");
    public static readonly ReadProblem HtmlPropsNotExpected = new("PM1037", Error, "The JSON a Hugging Face page embeds cannot be read", "The data-props of data-target=\"{0}\" cannot be read: {1}.");
    public static readonly ReadProblem HtmlPropsTooLong = new("PM1038", Error, "The JSON a Hugging Face page embeds is longer than the limit", "The data-props of data-target=\"{0}\" is longer than the limit of {1}" + LimitSuffix);

    // arXiv API Atom (PM1050-PM1069).
    public static readonly ReadProblem AtomInvalidXml = new("PM1050", Error, "Atom input is not well-formed or safe XML", "The XML cannot be read: {0}");
    public static readonly ReadProblem AtomApiError = new("PM1051", Error, "The arXiv API returned an error", "The arXiv API reported an error: {0}.");
    public static readonly ReadProblem AtomMissingId = new("PM1052", Error, "An Atom entry has no arXiv id", "The entry has no <id>.");
    public static readonly ReadProblem AtomBadId = AtomMissingId with { MessageFormat = "The entry's <id> '{0}' is not an arXiv abstract URL with an arXiv id." };
    public static readonly ReadProblem AtomMissingTitle = new("PM1053", Error, "An Atom entry has no title", "The entry {0} has no <title>.");
    public static readonly ReadProblem AtomBadDate = new("PM1054", Warning, "An Atom date is not an RFC 3339 date", "<{0}> of {1} is '{2}', which is not an RFC 3339 date; it was left out.");
    public static readonly ReadProblem AtomEntryTooLong = new("PM1056", Error, "An Atom entry exceeds the reader's limits", "The entry is longer than {0:N0} characters of text (PaperReadOptions.MaxRecordLength); it was skipped.");
    public static readonly ReadProblem AtomEntryTooDeep = AtomEntryTooLong with { MessageFormat = "The entry nests elements deeper than {0} levels; it was skipped." };
    public static readonly ReadProblem AtomNotAFeed = new("PM1055", Error, "The XML document is not an Atom feed", "The document is not an Atom feed: its root element is <{0}> in namespace '{1}', not <feed> in '{2}'.");

    // arXiv bulk metadata JSON Lines (PM1070-PM1079).
    public static readonly ReadProblem MetadataInvalidJson = new("PM1070", Error, "An arXiv metadata line is not valid JSON", "The line is not valid JSON: {0}");
    public static readonly ReadProblem MetadataNotAnObject = new("PM1071", Error, "An arXiv metadata line is not a JSON object", "A line must hold one JSON object, not {0}.");
    public static readonly ReadProblem MetadataWrongType = new("PM1072", Error, "An arXiv metadata value has the wrong JSON type", "$.{0} must be {1}, not {2}.");
    public static readonly ReadProblem MetadataMissingId = new("PM1073", Error, "An arXiv metadata line has no id or title", "The record has no \"id\".");
    public static readonly ReadProblem MetadataMissingTitle = MetadataMissingId with { MessageFormat = "The record {0} has no \"title\"." };
    public static readonly ReadProblem MetadataMissingVersion = MetadataMissingId with { MessageFormat = "$.versions[{0}] has no \"version\"." };
    public static readonly ReadProblem MetadataLineTooLong = new("PM1074", Error, "An arXiv metadata line is longer than the limit", "The line is longer than the limit of {0}" + LimitSuffix);
    public static readonly ReadProblem MetadataBadId = new("PM1075", Error, "An arXiv metadata id or version is not valid", "\"id\" is '{0}', which is not an arXiv id without version (0704.0001, hep-th/9901001).");
    public static readonly ReadProblem MetadataBadVersion = MetadataBadId with { MessageFormat = "The version '{0}' of {1} is not v1, v2, ... v9999." };
    public static readonly ReadProblem MetadataArrayInvalidJson = new("PM1077", Error, "An arXiv metadata array is not valid JSON", "The input is not valid JSON: {0}");
    public static readonly ReadProblem MetadataArrayItemInvalidJson = MetadataArrayInvalidJson with { MessageFormat = "{0} is not valid JSON: {1}" };
    public static readonly ReadProblem MetadataArrayNotArray = new("PM1078", Error, "An arXiv metadata array holds something other than records", "The document must be a JSON array of records (or one record per line), not {0}.");
    public static readonly ReadProblem MetadataArrayTokenTooLong = new("PM1079", Error, "An arXiv metadata array element is longer than the limit", "A single JSON token is longer than the limit of {0} bytes (PaperReadOptions.MaxRecordLength); reading stopped.");
    public static readonly ReadProblem MetadataArrayItemTooLong = MetadataArrayTokenTooLong with { MessageFormat = "The record {0} is longer than the limit of {1}" + LimitSuffix };
    public static readonly ReadProblem MetadataBadDate = new("PM1076", Warning, "An arXiv metadata version date is not an RFC 1123 date", "The date '{0}' of {1}{2} is not an RFC 1123 date (Mon, 2 Apr 2007 19:18:42 GMT); it was left out.");

    // The library's own JSON Lines (PM1080-PM1089).
    public static readonly ReadProblem PaperLineNull = new("PM1080", Error, "A line of the library's JSON Lines is not a paper", "The line is null, not a paper object.");
    public static readonly ReadProblem PaperLineNotAPaper = PaperLineNull with { MessageFormat = "The line is not a paper object{0}: {1}" };
    public static readonly ReadProblem PaperLineTooLong = new("PM1081", Error, "A line of the library's JSON Lines is longer than the limit", MetadataLineTooLong.MessageFormat);

    // arXiv OAI-PMH (PM1100-PM1119).
    public static readonly ReadProblem OaiInvalidXml = new("PM1100", Error, "OAI-PMH XML cannot be read", "The XML cannot be read: {0}");
    public static readonly ReadProblem OaiNotAResponse = new("PM1101", Error, "The document is not an OAI-PMH response", "The document is not an OAI-PMH response: its root element is <{0}> in namespace '{1}', not <OAI-PMH> in '{2}'.");
    public static readonly ReadProblem OaiError = new("PM1102", Error, "The OAI-PMH repository reported an error", "The OAI-PMH repository reported an error {0}: {1}.");
    public static readonly ReadProblem OaiNoRecords = OaiError with { Severity = Warning, MessageFormat = "The OAI-PMH request matched no records ({0})." };
    public static readonly ReadProblem OaiDeleted = new("PM1103", Warning, "The OAI-PMH record is deleted", "The record {0} is deleted (withdrawn from the repository); it has no metadata.");
    public static readonly ReadProblem OaiNoMetadata = new("PM1104", Error, "The OAI-PMH record has no usable metadata", "The record {0} has no <metadata>.");
    public static readonly ReadProblem OaiNoId = OaiNoMetadata with { MessageFormat = "The record {0} has no arXiv id without version (found '{1}')." };
    public static readonly ReadProblem OaiNoTitle = OaiNoMetadata with { MessageFormat = "The record {0} has no title." };
    public static readonly ReadProblem OaiUnknownMetadata = new("PM1105", Error, "The OAI-PMH metadata format is not read", "The record {0} has metadata <{1}> in namespace '{2}'; only arXivRaw, arXiv and oai_dc are read.");
    public static readonly ReadProblem OaiRecordTooLong = new("PM1107", Error, "An OAI-PMH record exceeds the reader's limits", "The record is longer than {0:N0} characters of text (PaperReadOptions.MaxRecordLength); it was skipped.");
    public static readonly ReadProblem OaiRecordTooDeep = OaiRecordTooLong with { MessageFormat = "The record nests elements deeper than {0} levels; it was skipped." };
    public static readonly ReadProblem OaiBadVersion = new("PM1106", Warning, "A value in an OAI-PMH record was left out", "A version of {0} is labelled '{1}', not vN; it was left out.");
    public static readonly ReadProblem OaiBadDate = OaiBadVersion with { MessageFormat = "{0} is '{1}', which is not a date; it was left out." };

    // arXiv announcement feeds, RSS 2.0 and Atom (PM1120-PM1129).
    public static readonly ReadProblem RssInvalidXml = new("PM1120", Error, "Announcement feed XML cannot be read", "The XML cannot be read: {0}");
    public static readonly ReadProblem RssNotAFeed = new("PM1121", Error, "The document is not an arXiv announcement feed", "The document is not an arXiv announcement feed: its root element is <{0}> in namespace '{1}', not <rss> or an Atom <feed>.");
    public static readonly ReadProblem RssFeedError = new("PM1122", Error, "The arXiv announcement feed reported an error", "The arXiv feed reported an error: {0}.");
    public static readonly ReadProblem RssNoId = new("PM1123", Error, "An announcement item has no arXiv id or title", "The item has no arXiv id in its description, guid or link ('{0}').");
    public static readonly ReadProblem RssNoTitle = RssNoId with { MessageFormat = "The item {0} has no title." };
    public static readonly ReadProblem RssItemTooLong = new("PM1124", Error, "An announcement item exceeds the reader's limits", "The item is longer than {0:N0} characters of text (PaperReadOptions.MaxRecordLength); it was skipped.");
    public static readonly ReadProblem RssItemTooDeep = RssItemTooLong with { MessageFormat = "The item nests elements deeper than {0} levels; it was skipped." };
    public static readonly ReadProblem RssBadDate = new("PM1125", Warning, "A value in an announcement item was left out", "{0} of {1} is '{2}', which is not a date; it was left out.");
    public static readonly ReadProblem RssBadAnnounceType = RssBadDate with { MessageFormat = "The announce type of {0} is '{1}', not new, cross, replace or replace-cross; it was left out." };

    /// <summary>Every descriptor, by code.</summary>
    public static IReadOnlyList<ReadProblem> All { get; } =
    [
        FileNotFound, IsDirectory, Unreadable, UnknownDocument, RecordUnreadable, InputStopped,
        NoPapers, TitleWithoutAbstract, AbstractWithoutTitle, NotADay, BadDate, PageLineTooLong, DetailsWithoutPaper, AbstractCut, BinaryText, InvalidUtf8,
        ApiInvalidJson, ApiItemInvalidJson, ApiNotArrayOrObject, ApiWrongType, ApiNotWholeNumber, ApiMissingId, ApiMissingTitle, ApiMissingAuthorName, ApiTokenTooLong, ApiItemTooLong, ApiBadUrl, ApiBadDate,
        HtmlNoPapers, HtmlPropsNotExpected, HtmlPropsTooLong,
        AtomInvalidXml, AtomApiError, AtomMissingId, AtomBadId, AtomMissingTitle, AtomBadDate, AtomEntryTooLong, AtomEntryTooDeep, AtomNotAFeed,
        MetadataInvalidJson, MetadataNotAnObject, MetadataWrongType, MetadataMissingId, MetadataMissingTitle, MetadataMissingVersion, MetadataLineTooLong, MetadataBadId, MetadataBadVersion, MetadataBadDate,
        MetadataArrayInvalidJson, MetadataArrayItemInvalidJson, MetadataArrayNotArray, MetadataArrayTokenTooLong, MetadataArrayItemTooLong,
        PaperLineNull, PaperLineNotAPaper, PaperLineTooLong,
        CorruptGzip,
        OaiInvalidXml, OaiNotAResponse, OaiError, OaiNoRecords, OaiDeleted, OaiNoMetadata, OaiNoId, OaiNoTitle, OaiUnknownMetadata, OaiRecordTooLong, OaiRecordTooDeep, OaiBadVersion, OaiBadDate,
        RssInvalidXml, RssNotAFeed, RssFeedError, RssNoId, RssNoTitle, RssItemTooLong, RssItemTooDeep, RssBadDate, RssBadAnnounceType,
    ];
}
