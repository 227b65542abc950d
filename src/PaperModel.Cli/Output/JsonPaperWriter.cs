using System.Buffers;
using System.Text.Json;
using PaperModel.Classification;
using PaperModel.Serialization;

namespace PaperModel.Cli.Output;

/// <summary>
/// The one JSON writer of every command: each paper in the library's shape (<see cref="PaperJson.Write(Utf8JsonWriter, Paper)"/>),
/// plus, when it was classified, a <c>topics</c> array of <c>{ "id", "name", "path", "score", "evidence": [ { "field",
/// "phrase", "start", "length", "reason" } ] }</c> (ancestors included). JSON Lines (one compact object and <c>\n</c> per paper,
/// written as UTF-8 straight into the output buffer) or one indented array, written paper by paper.
/// </summary>
internal sealed class JsonPaperWriter : PaperWriter
{
    private readonly Utf8Output _output;
    private readonly Utf8JsonWriter _json;
    private readonly bool _lines;

    public JsonPaperWriter(TextWriter output, bool lines)
        : base(output)
    {
        _lines = lines;
        _output = new Utf8Output(output);
        _json = new Utf8JsonWriter(_output, new JsonWriterOptions { Indented = !lines });
        if (!lines)
        {
            _json.WriteStartArray();
        }
    }

    [ThreadStatic]
    private static LineScratch? _scratch;

    /// <summary>Whether this writer writes JSON Lines, so that records made by <see cref="SerializeLine"/> can be given to <see cref="WriteLine(SerializedLine)"/>.</summary>
    public bool WritesLines => _lines;

    /// <summary>
    /// One JSON Lines record (the paper, its topics when it was classified, and the line feed) as UTF-8, made on any
    /// thread: the workers of a pipeline serialise their papers and the writer only copies the records in order. The
    /// record is in a pooled buffer that <see cref="WriteLine(SerializedLine)"/> gives back.
    /// </summary>
    public static SerializedLine SerializeLine(Paper paper, IReadOnlyList<TopicAssignment>? topics)
    {
        var line = Compose(paper, topics);
        var buffer = ArrayPool<byte>.Shared.Rent(line.Length);
        line.CopyTo(buffer);
        return new SerializedLine(buffer, line.Length);
    }

    /// <summary>Writes a record made by <see cref="SerializeLine"/> and gives its buffer back to the pool.</summary>
    public void WriteLine(SerializedLine line)
    {
        WriteLine(line.Buffer.AsSpan(0, line.Length));
        ArrayPool<byte>.Shared.Return(line.Buffer);
    }

    public override void Write(Paper paper, IReadOnlyList<TopicAssignment>? topics = null)
    {
        if (!_lines)
        {
            WriteArrayItem(paper, topics);
            return;
        }

        WriteLine(Compose(paper, topics));
    }

    private void WriteLine(ReadOnlySpan<byte> line)
    {
        _output.Write(line);
        _output.DrainIfFull();
    }

    public override void Complete()
    {
        if (!_lines)
        {
            _json.WriteEndArray();
            _json.Flush();
            _output.EndLine();
        }

        _output.Flush();
        base.Complete();
    }

    public override void Dispose()
    {
        _json.Dispose();
        _output.Dispose();
    }

    // The one JSON Lines record, in this thread's scratch buffers (valid until the thread composes the next).
    private static ReadOnlySpan<byte> Compose(Paper paper, IReadOnlyList<TopicAssignment>? topics)
    {
        var scratch = _scratch ??= new LineScratch();
        scratch.Paper.ResetWrittenCount();
        scratch.Line.ResetWrittenCount();
        scratch.Json.Reset(scratch.Paper);
        PaperJson.Write(scratch.Json, paper);
        scratch.Json.Flush();
        if (topics is null)
        {
            scratch.Line.Write(scratch.Paper.WrittenSpan);
        }
        else
        {
            // The serializer closed the object; reopen it for the topics.
            scratch.Line.Write(scratch.Paper.WrittenSpan[..^1]);
            scratch.Line.Write(",\"topics\":"u8);
            scratch.Json.Reset(scratch.Line);
            WriteTopics(scratch.Json, topics);
            scratch.Json.Flush();
            scratch.Line.Write("}"u8);
        }

        scratch.Line.Write("\n"u8);
        return scratch.Line.WrittenSpan;
    }

    private void WriteArrayItem(Paper paper, IReadOnlyList<TopicAssignment>? topics)
    {
        if (topics is null)
        {
            PaperJson.Write(_json, paper);
        }
        else
        {
            // Indented output is for people and small: the paper's properties are copied through a document so that
            // the indentation stays that of the array.
            using var document = JsonDocument.Parse(PaperJson.Serialize(paper));
            _json.WriteStartObject();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                property.WriteTo(_json);
            }

            _json.WritePropertyName("topics"u8);
            WriteTopics(_json, topics);
            _json.WriteEndObject();
        }

        _json.Flush();
        _output.DrainIfFull();
    }

    private static void WriteTopics(Utf8JsonWriter json, IReadOnlyList<TopicAssignment> topics)
    {
        json.WriteStartArray();
        foreach (var topic in topics)
        {
            json.WriteStartObject();
            json.WriteString("id"u8, topic.Topic.Id);
            json.WriteString("name"u8, topic.Topic.Name);
            json.WriteString("path"u8, topic.Topic.Path);
            json.WriteNumber("score"u8, Math.Round(topic.Score, 4));
            json.WriteStartArray("evidence"u8);
            foreach (var evidence in topic.Evidence)
            {
                json.WriteStartObject();
                json.WriteString("field"u8, FieldName(evidence.Field));
                json.WriteString("phrase"u8, evidence.Phrase);
                json.WriteNumber("start"u8, evidence.Start);
                json.WriteNumber("length"u8, evidence.Length);
                json.WriteString("reason"u8, ReasonName(evidence.Reason));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>A thread's buffers for <see cref="Compose"/>: the paper's object, the whole record, and one JSON writer.</summary>
    private sealed class LineScratch
    {
        public ArrayBufferWriter<byte> Paper { get; } = new(4096);

        public ArrayBufferWriter<byte> Line { get; } = new(4096);

        public Utf8JsonWriter Json { get; } = new(Stream.Null);
    }
}

/// <summary>A JSON Lines record made by <see cref="JsonPaperWriter.SerializeLine"/>: its first <paramref name="Length"/> bytes of a pooled <paramref name="Buffer"/>.</summary>
/// <param name="Buffer">The pooled buffer, given back by <see cref="JsonPaperWriter.WriteLine(SerializedLine)"/>.</param>
/// <param name="Length">The record's length in bytes, line feed included.</param>
internal readonly record struct SerializedLine(byte[] Buffer, int Length);
