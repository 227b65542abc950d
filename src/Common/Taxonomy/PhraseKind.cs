// One definition for the runtime (public, PaperModel.Classification.PhraseKind) and the source generator
// (internal: the generator compiles this file with PAPERMODEL_GENERATOR defined).
namespace PaperModel.Classification;

/// <summary>How a phrase of a topic is matched against text (see <c>docs/classification.md</c>).</summary>
#if PAPERMODEL_GENERATOR
internal
#else
public
#endif
enum PhraseKind
{
    /// <summary>A word or phrase: case-insensitive, on word boundaries, tolerant of hyphen/space variants and plurals.</summary>
    Keyword,

    /// <summary>An acronym (<c>LoRA</c>, <c>MoE</c>): on word boundaries and case-sensitive.</summary>
    Acronym,
}
