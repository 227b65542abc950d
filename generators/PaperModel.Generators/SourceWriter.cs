using System.Text;

namespace PaperModel.Generators;

/// <summary>Writes indented C# with <c>\n</c> line endings whatever the OS, so output is the same on every machine.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4).Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes <c>{</c>, indents until the returned scope is disposed, then writes the closing text.</summary>
    public Block OpenBlock(string close = "}")
    {
        Line("{");
        _indent++;
        return new Block(this, close);
    }

    public void Indent() => _indent++;

    public void Unindent() => _indent--;

    public override string ToString() => _builder.ToString();

    public readonly struct Block(SourceWriter writer, string close) : IDisposable
    {
        public void Dispose()
        {
            writer._indent--;
            writer.Line(close);
        }
    }
}
