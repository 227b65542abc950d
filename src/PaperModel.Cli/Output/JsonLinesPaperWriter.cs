using System.Text.Json;
using PaperModel.Serialization;

namespace PaperModel.Cli.Output;

/// <summary>
/// JSON Lines: one compact paper object per line, the library's shape (<see cref="PaperJson.Write(Utf8JsonWriter, Paper)"/>),
/// written as UTF-8 straight into the output buffer; <c>classify</c> adds its <c>topics</c> to the same object.
/// </summary>
internal sealed class JsonLinesPaperWriter : PaperWriter
{
    private readonly Utf8Output _output;
    private readonly Utf8JsonWriter _json;

    public JsonLinesPaperWriter(TextWriter output)
        : base(output)
    {
        _output = new Utf8Output(output);
        _json = new Utf8JsonWriter(_output);
    }

    public override void Write(Paper paper)
    {
        WriteObject(paper);
        _output.EndLine();
    }

    /// <summary>Writes a paper's object with one more property at its end, on one line.</summary>
    /// <param name="paper">The paper.</param>
    /// <param name="name">The extra property's name, already JSON-quoted with its colon (<c>"topics":</c>).</param>
    /// <param name="state">What <paramref name="writeValue"/> writes.</param>
    /// <param name="writeValue">Writes the property's value as one root JSON value.</param>
    public void Write<TState>(Paper paper, ReadOnlySpan<byte> name, TState state, Action<Utf8JsonWriter, TState> writeValue)
    {
        WriteObject(paper);

        // The serializer closed the object; reopen it for the extra property.
        _output.RemoveLast((byte)'}');
        _output.Write(","u8);
        _output.Write(name);
        writeValue(_json, state);
        _json.Flush();
        _json.Reset();
        _output.Write("}"u8);
        _output.EndLine();
    }

    public override void Complete()
    {
        _output.Flush();
        base.Complete();
    }

    public override void Dispose()
    {
        _json.Dispose();
        _output.Dispose();
    }

    private void WriteObject(Paper paper)
    {
        PaperJson.Write(_json, paper);
        _json.Flush();
        _json.Reset();
    }
}
