using System.Buffers;
using System.Text;
using System.Text.Json;
using PaperModel.Classification;
using PaperModel.Serialization;

namespace PaperModel.Cli.Output;

/// <summary>
/// The one JSON writer of every command: each paper in the library's JSON shape (<see cref="PaperJson"/>), plus, when it
/// was classified, a <c>topics</c> array of <c>{ "id", "name", "path", "score", "evidence": [ { "field", "phrase",
/// "start", "length" } ] }</c> (ancestors included). JSON Lines (one compact object and <c>\n</c> per paper) or one
/// indented array, written paper by paper (nothing is held back).
/// </summary>
internal sealed class JsonPaperWriter : PaperWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private readonly Utf8JsonWriter _json;
    private readonly bool _lines;

    public JsonPaperWriter(TextWriter output, bool lines)
        : base(output)
    {
        _lines = lines;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = !lines });
        if (!lines)
        {
            _json.WriteStartArray();
        }
    }

    public override void Write(Paper paper, IReadOnlyList<TopicAssignment>? topics = null)
    {
        if (topics is null)
        {
            PaperJson.Write(_json, paper);
        }
        else
        {
            WriteWithTopics(paper, topics);
        }

        Drain();
        if (_lines)
        {
            Output.Write('\n');
            _json.Reset();
        }
    }

    public override void Complete()
    {
        if (!_lines)
        {
            _json.WriteEndArray();
            Drain();
            Output.Write('\n');
        }

        base.Complete();
    }

    public override void Dispose() => _json.Dispose();

    private void WriteWithTopics(Paper paper, IReadOnlyList<TopicAssignment> topics)
    {
        using var document = JsonDocument.Parse(PaperJson.Serialize(paper));
        _json.WriteStartObject();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            property.WriteTo(_json);
        }

        _json.WriteStartArray("topics");
        foreach (var topic in topics)
        {
            _json.WriteStartObject();
            _json.WriteString("id", topic.Topic.Id);
            _json.WriteString("name", topic.Topic.Name);
            _json.WriteString("path", topic.Topic.Path);
            _json.WriteNumber("score", Math.Round(topic.Score, 4));
            _json.WriteStartArray("evidence");
            foreach (var evidence in topic.Evidence)
            {
                _json.WriteStartObject();
                _json.WriteString("field", FieldName(evidence.Field));
                _json.WriteString("phrase", evidence.Phrase);
                _json.WriteNumber("start", evidence.Start);
                _json.WriteNumber("length", evidence.Length);
                _json.WriteEndObject();
            }

            _json.WriteEndArray();
            _json.WriteEndObject();
        }

        _json.WriteEndArray();
        _json.WriteEndObject();
    }

    private void Drain()
    {
        _json.Flush();
        Output.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
        _buffer.Clear();
    }
}
