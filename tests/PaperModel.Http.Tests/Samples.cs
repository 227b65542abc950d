using System.Xml.Linq;
using PaperModel.Formats;
using PaperModel.Testing;

namespace PaperModel.Http.Tests;

/// <summary>The real samples under <c>samples/formats</c>, whole or cut into pages, as the services would serve them.</summary>
internal static class Samples
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace OpenSearch = "http://a9.com/-/spec/opensearch/1.1/";
    private static readonly XNamespace Oai = "http://www.openarchives.org/OAI/2.0/";

    public static string DailyPapersPath => RepoPaths.Format("hf-daily-papers-api.sample.json");

    public static string SearchPath => RepoPaths.Format("hf-papers-search.sample.json");

    public static string AtomPath => RepoPaths.Format("arxiv-api-atom.sample.xml");

    public static string OaiPath => RepoPaths.Format("arxiv-oai-arxivraw.sample.xml");

    public static string RssPath => RepoPaths.Format("arxiv-rss.sample.xml");

    public static string RssErrorPath => RepoPaths.Format("arxiv-rss-error.sample.xml");

    /// <summary>The papers the library reads from a sample file: what a client must return for it.</summary>
    public static List<Paper> Read(string path) => PaperReader.ReadFile(path).Papers.ToList();

    /// <summary>The Daily Papers sample's items <paramref name="skip"/>.. as one JSON array.</summary>
    public static string DailyPage(int skip, int take)
    {
        var items = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(DailyPapersPath))!.AsArray();
        var page = new System.Text.Json.Nodes.JsonArray(items.Skip(skip).Take(take).Select(static i => i!.DeepClone()).ToArray());
        return page.ToJsonString();
    }

    /// <summary>The Atom sample with only entries <paramref name="skip"/>.. and <c>totalResults</c> set to <paramref name="total"/>.</summary>
    public static string AtomPage(int skip, int take, int total)
    {
        var feed = XDocument.Load(AtomPath);
        var entries = feed.Root!.Elements(Atom + "entry").ToList();
        foreach (var entry in entries)
        {
            entry.Remove();
        }

        feed.Root.Element(OpenSearch + "totalResults")!.Value = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        feed.Root.Add(entries.Skip(skip).Take(take));
        return feed.ToString();
    }

    /// <summary>The OAI sample's records <paramref name="skip"/>.., ending with <paramref name="token"/> (an empty token element when null).</summary>
    public static string OaiPage(int skip, int take, string? token)
    {
        var response = XDocument.Load(OaiPath);
        var list = response.Root!.Element(Oai + "ListRecords")!;
        var records = list.Elements(Oai + "record").ToList();
        list.RemoveNodes();
        list.Add(records.Skip(skip).Take(take));
        list.Add(new XElement(Oai + "resumptionToken", new XAttribute("cursor", skip), token));
        return response.ToString();
    }

    public static string OaiError(string code, string message) =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
          <responseDate>2026-01-05T10:00:00Z</responseDate>
          <request verb="ListRecords">https://oaipmh.arxiv.org/oai</request>
          <error code="{code}">{message}</error>
        </OAI-PMH>
        """;
}
