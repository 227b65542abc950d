using PaperModel.Serialization;

namespace PaperModel.Cli.Output;

/// <summary>JSON Lines: one compact paper object per line (<see cref="PaperJson.Serialize(Paper)"/>).</summary>
internal sealed class JsonLinesPaperWriter(TextWriter output) : PaperWriter(output)
{
    public override void Write(Paper paper) => Output.WriteLine(PaperJson.Serialize(paper));
}
