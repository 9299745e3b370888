using System.Globalization;
using System.Text;
using DhcpCluster.Hocon.Values;

namespace DhcpCluster.Hocon.Rendering;

/// <summary>Renders a resolved value tree as indented JSON.</summary>
internal static class JsonRenderer
{
    public static string Render(ConfigValue value)
    {
        var builder = new StringBuilder();
        Write(builder, value, 0);
        if (value is ConfigObject)
        {
            // A document ends with a line end; a single value does not.
            builder.Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>A JSON string literal for <paramref name="text"/>.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        AppendQuoted(builder, text);
        return builder.ToString();
    }

    public static void AppendQuoted(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (c < ' ' || char.IsSurrogate(c) || c == '\u2028' || c == '\u2029' || c == '\u007F')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    internal static void Indent(StringBuilder builder, int depth) => builder.Append(' ', depth * 4);

    /// <summary>A list of strings, numbers, booleans and nulls only: written on one line, <c>["eth0", "eth1"]</c>.</summary>
    internal static bool AllScalars(ConfigArray array) => Array.TrueForAll(array.ItemArray, static item => item is ConfigScalar);

    internal static void WriteInline(StringBuilder builder, ConfigArray array)
    {
        builder.Append('[');
        for (var i = 0; i < array.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            var item = (ConfigScalar)array.ItemArray[i];
            if (item is ConfigString s)
            {
                AppendQuoted(builder, s.Value);
            }
            else
            {
                builder.Append(item.Text);
            }
        }

        builder.Append(']');
    }

    private static void Write(StringBuilder builder, ConfigValue value, int depth)
    {
        switch (value)
        {
            case ConfigObject obj:
                WriteObject(builder, obj, depth);
                return;
            case ConfigArray array:
                WriteArray(builder, array, depth);
                return;
            case ConfigString s:
                AppendQuoted(builder, s.Value);
                return;
            case ConfigScalar scalar:
                builder.Append(scalar.Text);
                return;
            default:
                throw new InvalidOperationException($"cannot render {value.Describe()}: resolve the configuration first");
        }
    }

    private static void WriteObject(StringBuilder builder, ConfigObject obj, int depth)
    {
        if (obj.Count == 0)
        {
            builder.Append("{}");
            return;
        }

        builder.Append("{\n");
        var first = true;
        foreach (var (key, child) in obj.Fields)
        {
            if (!first)
            {
                builder.Append(",\n");
            }

            first = false;
            Indent(builder, depth + 1);
            AppendQuoted(builder, key);
            builder.Append(": ");
            Write(builder, child, depth + 1);
        }

        builder.Append('\n');
        Indent(builder, depth);
        builder.Append('}');
    }

    private static void WriteArray(StringBuilder builder, ConfigArray array, int depth)
    {
        if (array.Count == 0)
        {
            builder.Append("[]");
            return;
        }

        if (AllScalars(array))
        {
            WriteInline(builder, array);
            return;
        }

        builder.Append("[\n");
        for (var i = 0; i < array.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(",\n");
            }

            Indent(builder, depth + 1);
            Write(builder, array.ItemArray[i], depth + 1);
        }

        builder.Append('\n');
        Indent(builder, depth);
        builder.Append(']');
    }
}
