using PaperModel.Formats;
using static PaperModel.Tests.Formats.SourceTestHelpers;

namespace PaperModel.Tests.Model;

public sealed class PaperMergerTests
{
    private static readonly PaperReadResult Atom = ReadSample(PaperFormats.ArxivAtom, "arxiv-api-atom.sample.xml");
    private static readonly PaperReadResult Metadata = ReadSample(PaperFormats.ArxivMetadata, "arxiv-metadata-snapshot.sample.jsonl");
    private static readonly PaperReadResult HuggingFace = ReadSample(PaperFormats.HuggingFaceApi, "hf-daily-papers-api.sample.json");

    // The Hugging Face record of 2606.11409 as if it described the Atom sample's 2204.08348 (no sample covers one paper twice).
    private static Paper HuggingFaceRecordOf(Paper arxiv) =>
        HuggingFace.Paper("2606.11409") with
        {
            Id = arxiv.Id,
            ArxivId = arxiv.ArxivId!.Value.WithoutVersion(),
            Title = arxiv.Title + " (HF copy)",
            Links =
            [
                new PaperLink(PaperLinkKinds.HuggingFace, new Uri("https://huggingface.co/papers/" + arxiv.Id)),
                new PaperLink(PaperLinkKinds.Abstract, arxiv.ArxivId!.Value.WithoutVersion().AbsUrl),
                new PaperLink(PaperLinkKinds.Code, new Uri("https://github.com/r-three/risk-under-pressure")),
            ],
        };

    [Fact]
    public void Arxiv_and_hugging_face_records_combine_their_fields()
    {
        var arxiv = Atom.Paper("2204.08348");
        var hf = HuggingFaceRecordOf(arxiv);

        var merged = PaperMerger.Merge([hf, arxiv]).Should().ContainSingle().Subject;

        merged.Id.Should().Be("2204.08348");
        merged.ArxivId.Should().Be(ArxivId.Parse("2204.08348v3"));
        merged.Title.Should().Be(arxiv.Title, "the versioned arXiv record ranks above the record without version");
        merged.Abstract.Should().Be(arxiv.Abstract);
        merged.Authors.Should().Equal(arxiv.Authors);
        merged.Categories.Should().Equal("cs.SE");
        merged.Published.Should().Be(arxiv.Published);
        merged.Updated.Should().Be(arxiv.Updated);
        merged.Doi.Should().Be("10.1145/3533767.3534401");
        merged.Upvotes.Should().Be(8);
        merged.CommentCount.Should().Be(3);
        merged.Keywords.Should().Equal(hf.Keywords);
        merged.AiSummary.Should().Be(hf.AiSummary);
        merged.Organization.Should().Be(hf.Organization);
        merged.ListedOn.Should().Be(hf.ListedOn);
        merged.Source.Should().Be(PaperSource.ArxivAtom | PaperSource.HuggingFaceApi);
        merged.Links.Should().Equal(
            new PaperLink(PaperLinkKinds.Abstract, new Uri("https://arxiv.org/abs/2204.08348v3")),
            new PaperLink(PaperLinkKinds.Pdf, new Uri("https://arxiv.org/pdf/2204.08348v3")),
            new PaperLink(PaperLinkKinds.Doi, new Uri("https://doi.org/10.1145/3533767.3534401")),
            new PaperLink(PaperLinkKinds.HuggingFace, new Uri("https://huggingface.co/papers/2204.08348")),
            new PaperLink(PaperLinkKinds.Code, new Uri("https://github.com/r-three/risk-under-pressure")));
    }

    [Fact]
    public void The_newest_version_wins_and_versions_are_united()
    {
        var v3 = Metadata.Paper("0704.0011");
        var v1 = v3 with
        {
            ArxivId = ArxivId.Parse("0704.0011v1"),
            Title = "An older title",
            Updated = v3.Versions[0].Created,
            Versions = [v3.Versions[0]],
            Categories = ["math.NT"],
            Source = PaperSource.ArxivAtom,
        };

        var merged = PaperMerger.Merge(v1, v3);

        merged.ArxivId.Should().Be(ArxivId.Parse("0704.0011v3"));
        merged.Title.Should().Be(v3.Title);
        merged.Categories.Should().Equal("math.NT", "math.AG");
        merged.Versions.Select(v => v.Number).Should().Equal(1, 2, 3);
        merged.Updated.Should().Be(new DateTimeOffset(2008, 8, 20, 13, 15, 9, TimeSpan.Zero));
        merged.Published.Should().Be(new DateTimeOffset(2007, 3, 31, 5, 32, 49, TimeSpan.Zero));
        merged.Source.Should().Be(PaperSource.ArxivAtom | PaperSource.ArxivMetadata);
        PaperMerger.Merge(v3, v1).Should().Be(merged, "the result does not depend on the order when the records differ in version");
    }

    [Fact]
    public void Affiliations_come_from_a_record_with_the_same_authors()
    {
        var withAffiliations = Metadata.Paper("0704.0025");
        var newer = withAffiliations with
        {
            ArxivId = ArxivId.Parse("0704.0025v2"),
            Authors = [.. withAffiliations.Authors.Select(a => a with { Affiliation = null })],
            Source = PaperSource.ArxivAtom,
        };

        var merged = PaperMerger.Merge(newer, withAffiliations);

        merged.ArxivId.Should().Be(ArxivId.Parse("0704.0025v2"));
        merged.Authors.Should().Equal(new Author("A. S. Mishchenko", "1 and 2"), new Author("N. Nagaosa", "1 and 3"));
    }

    [Fact]
    public void Papers_without_arxiv_id_merge_only_by_id_and_order_is_kept()
    {
        var a = new Paper("hf-only-1", "First") { Upvotes = 3, Source = PaperSource.HuggingFaceDailyPage };
        var b = new Paper("hf-only-2", "Second");
        var a2 = new Paper("hf-only-1", "First") { Upvotes = 5, Source = PaperSource.HuggingFaceApi };
        var sample = Metadata.Papers.Take(3).ToList();

        var merged = PaperMerger.Merge([a, sample[0], b, .. sample, a2]);

        merged.Select(p => p.Id).Should().Equal("hf-only-1", "0704.0001", "hf-only-2", "0704.0002", "0704.0005");
        merged[0].Upvotes.Should().Be(5);
        merged[0].Source.Should().Be(PaperSource.HuggingFaceDailyPage | PaperSource.HuggingFaceApi);
        merged[1].Should().Be(sample[0], "merging a record with an equal copy changes nothing");
    }

    [Fact]
    public void Different_papers_cannot_be_merged()
    {
        var act = () => PaperMerger.Merge(Metadata.Papers[0], Metadata.Papers[1]);

        act.Should().Throw<ArgumentException>().WithMessage("*0704.0001*0704.0002*");
    }

    [Fact]
    public void The_announce_type_of_a_feed_item_survives_a_merge_with_the_snapshot_record()
    {
        var announced = ReadSample(PaperFormats.ArxivRss, "arxiv-rss.sample.xml").Paper("1712.07645");
        var snapshot = new Paper("1712.07645", announced.Title) { ArxivId = ArxivId.Parse("1712.07645v2"), Source = PaperSource.ArxivMetadata };

        var merged = PaperMerger.Merge(snapshot, announced);

        merged.AnnounceType.Should().Be(ArxivAnnounceType.Replace);
        merged.Doi.Should().Be("10.1134/S1547477118030159");
        merged.Source.Should().Be(PaperSource.ArxivMetadata | PaperSource.ArxivRss);
    }

    [Fact]
    public void Keys_ignore_versions()
    {
        PaperMerger.KeyOf(Atom.Paper("2204.08348")).Should().Be("2204.08348");
        PaperMerger.KeyOf(new Paper("custom", "T")).Should().Be("custom");
    }
}
