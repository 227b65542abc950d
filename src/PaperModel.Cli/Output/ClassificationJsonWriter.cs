using System.Buffers;
using System.Text;
using System.Text.Json;
using PaperModel.Classification;
using PaperModel.Serialization;

namespace PaperModel.Cli.Output;

/// <summary>
/// The paper's JSON (the library's shape) plus a <c>topics</c> array of
/// <c>{ "id", "name", "path", "score", "evidence": [ { "field", "phrase", "start", "length", "reason" } ] }</c>, ancestors included;
/// one compact object per line, or one indented array.
/// </summary>
internal sealed class ClassificationJsonWriter : ClassificationWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private readonly Utf8JsonWriter _json;
    private readonly bool _array;

    public ClassificationJsonWriter(TextWriter output, bool indented)
        : base(output)
    {
        _array = indented;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = indented });
        if (_array)
        {
            _json.WriteStartArray();
        }
    }

    public override void Write(Paper paper, IReadOnlyList<TopicAssignment> topics)
    {
        using (var document = JsonDocument.Parse(PaperJson.Serialize(paper)))
        {
            _json.WriteStartObject();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                property.WriteTo(_json);
            }

            _json.WriteStartArray("topics");
            foreach (var topic in topics)
            {
                WriteTopic(topic);
            }

            _json.WriteEndArray();
            _json.WriteEndObject();
        }

        Flush(newLine: !_array);
    }

    public override void Complete()
    {
        if (_array)
        {
            _json.WriteEndArray();
            Flush(newLine: true);
        }

        base.Complete();
    }

    public override void Dispose() => _json.Dispose();

    private void WriteTopic(TopicAssignment topic)
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
            _json.WriteString("reason", ReasonName(evidence.Reason));
            _json.WriteEndObject();
        }

        _json.WriteEndArray();
        _json.WriteEndObject();
    }

    private void Flush(bool newLine)
    {
        _json.Flush();
        Output.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
        if (newLine)
        {
            Output.WriteLine();
        }

        _buffer.Clear();
        if (!_array)
        {
            _json.Reset();
        }
    }
}
