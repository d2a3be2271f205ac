using Swf.Converters;

namespace Swf.Tests.Converters;

public sealed class PayloadArrayTests
{
    [Fact]
    public void Encode_ElementsAndNull_JoinsJsonArray()
    {
        Assert.Equal("[\"a\",1,null,{\"x\":2}]", PayloadArray.Encode("\"a\"", "1", null, "{\"x\":2}"));
    }

    [Fact]
    public void Decode_EncodedArray_ReturnsRawElements()
    {
        var elements = PayloadArray.Decode("[\"a\", 1, null, {\"x\": 2}]", 4);

        Assert.Equal(new string?[] { "\"a\"", "1", null, "{\"x\": 2}" }, elements);
    }

    [Fact]
    public void Decode_NullOrShort_FillsWithNulls()
    {
        Assert.Equal(new string?[] { null, null }, PayloadArray.Decode(null, 2));
        Assert.Equal(new string?[] { "1", null }, PayloadArray.Decode("[1]", 2));
    }

    [Theory]
    [InlineData("{\"a\":1}")]
    [InlineData("[1,2,3]")]
    [InlineData("not json")]
    public void Decode_NotAnArrayOfAtMostCount_ThrowsFormatException(string data)
    {
        Assert.Throws<FormatException>(() => PayloadArray.Decode(data, 2));
    }
}
