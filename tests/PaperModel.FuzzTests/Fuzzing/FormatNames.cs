namespace PaperModel.FuzzTests.Fuzzing;

/// <summary>The names of the formats, as constants for test data and switches (the library exposes them as <c>PaperFormats.X.Name</c>).</summary>
internal static class FormatNames
{
    public const string DailyText = "hf-daily-text";
    public const string HuggingFaceApi = "hf-api-json";
    public const string ArxivAtom = "arxiv-atom";
    public const string ArxivMetadata = "arxiv-metadata-jsonl";
    public const string ArxivOai = "arxiv-oai";
    public const string PaperJsonLines = "paper-jsonl";
    public const string ArxivRss = "arxiv-rss";
    public const string DailyHtml = "hf-daily-html";
}
