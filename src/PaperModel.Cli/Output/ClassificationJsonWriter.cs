using System.Text.Json;
using PaperModel.Classification;
using PaperModel.Serialization;

namespace PaperModel.Cli.Output;

/// <summary>
/// The paper's JSON (the library's shape) plus a <c>topics</c> array of
/// <c>{ "id", "name", "path", "score", "evidence": [ { "field", "phrase", "start", "length" } ] }</c>, ancestors included;
/// one compact object per line, or one indented array.
/// </summary>
internal sealed class ClassificationJsonWriter : ClassificationWriter
{
    private static readonly Action<Utf8JsonWriter, IReadOnlyList<TopicAssignment>> WriteTopicsValue = WriteTopics;

    private readonly JsonLinesPaperWriter? _lines;
    private readonly Utf8Output? _arrayOutput;
    private readonly Utf8JsonWriter? _array;

    public ClassificationJsonWriter(TextWriter output, bool indented)
        : base(output)
    {
        if (indented)
        {
            _arrayOutput = new Utf8Output(output);
            _array = new Utf8JsonWriter(_arrayOutput, new JsonWriterOptions { Indented = true });
            _array.WriteStartArray();
        }
        else
        {
            _lines = new JsonLinesPaperWriter(output);
        }
    }

    public override void Write(Paper paper, IReadOnlyList<TopicAssignment> topics)
    {
        if (_lines is not null)
        {
            _lines.Write(paper, "\"topics\":"u8, topics, WriteTopicsValue);
            return;
        }

        // Indented output is for people and small: the paper's properties are copied through a document so that the
        // indentation stays that of the array.
        using (var document = JsonDocument.Parse(PaperJson.Serialize(paper)))
        {
            _array!.WriteStartObject();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                property.WriteTo(_array);
            }

            _array.WritePropertyName("topics");
            WriteTopics(_array, topics);
            _array.WriteEndObject();
        }

        _array.Flush();
        _arrayOutput!.DrainIfFull();
    }

    public override void Complete()
    {
        if (_lines is not null)
        {
            _lines.Complete();
        }
        else
        {
            _array!.WriteEndArray();
            _array.Flush();
            _arrayOutput!.EndLine();
            _arrayOutput.Flush();
        }

        base.Complete();
    }

    public override void Dispose()
    {
        _lines?.Dispose();
        _array?.Dispose();
        _arrayOutput?.Dispose();
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
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
