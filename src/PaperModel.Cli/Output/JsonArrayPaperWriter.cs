using System.Text.Json;
using PaperModel.Serialization;

namespace PaperModel.Cli.Output;

/// <summary>One indented JSON array of paper objects, written paper by paper (nothing is held back).</summary>
internal sealed class JsonArrayPaperWriter : PaperWriter
{
    private readonly Utf8Output _output;
    private readonly Utf8JsonWriter _json;

    public JsonArrayPaperWriter(TextWriter output)
        : base(output)
    {
        _output = new Utf8Output(output);
        _json = new Utf8JsonWriter(_output, new JsonWriterOptions { Indented = true });
        _json.WriteStartArray();
    }

    public override void Write(Paper paper)
    {
        PaperJson.Write(_json, paper);
        _json.Flush();
        _output.DrainIfFull();
    }

    public override void Complete()
    {
        _json.WriteEndArray();
        _json.Flush();
        _output.EndLine();
        _output.Flush();
        base.Complete();
    }

    public override void Dispose()
    {
        _json.Dispose();
        _output.Dispose();
    }
}
