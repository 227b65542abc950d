using System.Text.Json.Serialization;

namespace PaperModel.Baselines;

/// <summary>One line of the arXiv metadata snapshot, as a user would declare it.</summary>
public sealed class ArxivRecord
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("submitter")]
    public string? Submitter { get; set; }

    [JsonPropertyName("authors")]
    public string? Authors { get; set; }

    [JsonPropertyName("title")]
    public string? Title { get; set; }

    [JsonPropertyName("comments")]
    public string? Comments { get; set; }

    [JsonPropertyName("journal-ref")]
    public string? JournalRef { get; set; }

    [JsonPropertyName("doi")]
    public string? Doi { get; set; }

    [JsonPropertyName("report-no")]
    public string? ReportNo { get; set; }

    [JsonPropertyName("categories")]
    public string? Categories { get; set; }

    [JsonPropertyName("license")]
    public string? License { get; set; }

    [JsonPropertyName("abstract")]
    public string? Abstract { get; set; }

    [JsonPropertyName("versions")]
    public List<ArxivVersion>? Versions { get; set; }

    [JsonPropertyName("update_date")]
    public string? UpdateDate { get; set; }

    [JsonPropertyName("authors_parsed")]
    public List<List<string>>? AuthorsParsed { get; set; }
}

/// <summary>One element of <c>versions</c>.</summary>
public sealed class ArxivVersion
{
    [JsonPropertyName("version")]
    public string? Version { get; set; }

    [JsonPropertyName("created")]
    public string? Created { get; set; }
}
