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

    public override void Write(Paper paper, IReadOnlyList<TopicAssignment>? topics = null)
    {
        if (!_lines)
        {
            WriteArrayItem(paper, topics);
            return;
        }

        PaperJson.Write(_json, paper);
        _json.Flush();
        _json.Reset();
        if (topics is not null)
        {
            // The serializer closed the object; reopen it for the topics.
            _output.RemoveLast((byte)'}');
            _output.Write(",\"topics\":"u8);
            WriteTopics(_json, topics);
            _json.Flush();
            _json.Reset();
            _output.Write("}"u8);
        }

        _output.EndLine();
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
}
