using System.Buffers;
using System.Text;
using System.Text.Json;
using PaperModel.Serialization;

namespace PaperModel.Cli.Output;

/// <summary>One indented JSON array of paper objects, written paper by paper (nothing is held back).</summary>
internal sealed class JsonArrayPaperWriter : PaperWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private readonly Utf8JsonWriter _json;

    public JsonArrayPaperWriter(TextWriter output)
        : base(output)
    {
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = true });
        _json.WriteStartArray();
    }

    public override void Write(Paper paper)
    {
        PaperJson.Write(_json, paper);
        Drain();
    }

    public override void Complete()
    {
        _json.WriteEndArray();
        Drain();
        Output.WriteLine();
        base.Complete();
    }

    public override void Dispose() => _json.Dispose();

    private void Drain()
    {
        _json.Flush();
        Output.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
        _buffer.Clear();
    }
}
