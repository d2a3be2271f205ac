using Swf.Exceptions;
using Swf.Validation;

namespace Swf.Tests.Validation;

public class SwfValidatorTests
{
    [Fact]
    public void Length_TooLong_NamesPathLimitAndLength()
    {
        var validator = new SwfValidator();

        validator.Length(new string('x', 257), "domain", 1, 256);

        Assert.Equal("Value at 'domain' failed to satisfy constraint: Member must have length less than or equal to 256 (its length is 257)", Assert.Single(validator.Errors));
    }

    [Fact]
    public void Length_TooShort_NamesPathLimitAndLength()
    {
        var validator = new SwfValidator();

        validator.Length(string.Empty, "workflowId", 1, 256);

        Assert.Equal("Value at 'workflowId' failed to satisfy constraint: Member must have length greater than or equal to 1 (its length is 0)", Assert.Single(validator.Errors));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(256)]
    public void Length_WithinLimits_Passes(int length)
    {
        var validator = new SwfValidator();

        validator.Length(new string('x', length), "identity", 0, 256);
        validator.Length(null, "identity", 1, 256);

        Assert.Empty(validator.Errors);
    }

    [Theory]
    [InlineData("a:b", "':'")]
    [InlineData("a/b", "'/'")]
    [InlineData("a|b", "'|'")]
    [InlineData("a\u0000b", "U+0000")]
    [InlineData("a\tb", "U+0009")]
    [InlineData("a\u001Fb", "U+001F")]
    [InlineData("a\u007Fb", "U+007F")]
    [InlineData("a\u0085b", "U+0085")]
    [InlineData("a\u009Fb", "U+009F")]
    public void SwfName_ForbiddenCharacter_NamesIt(string value, string shown)
    {
        var validator = new SwfValidator();

        validator.SwfName(value, "workflowId", isDomain: false);

        var error = Assert.Single(validator.Errors);
        Assert.Contains("'workflowId'", error, StringComparison.Ordinal);
        Assert.Contains($"found {shown}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void SwfName_LiteralArn_Fails()
    {
        var validator = new SwfValidator();

        validator.SwfName("arn", "name", isDomain: false);

        Assert.Contains("literal string 'arn'", Assert.Single(validator.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" orders")]
    [InlineData("orders ")]
    [InlineData("\u00A0orders")]
    public void SwfName_DomainWithOuterWhitespace_Fails(string value)
    {
        var validator = new SwfValidator();

        validator.SwfName(value, "domain", isDomain: true);

        Assert.Contains("must not start or end with whitespace", Assert.Single(validator.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" ", false)]
    [InlineData("   ", false)]
    [InlineData("\u00A0", false)]
    [InlineData("\u2003 ", false)]
    [InlineData(" ", true)]
    public void SwfName_OnlyWhitespace_Fails(string value, bool isDomain)
    {
        var validator = new SwfValidator();

        validator.SwfName(value, "taskList.name", isDomain);

        Assert.Equal("Value at 'taskList.name' failed to satisfy constraint: Member must not be blank (it holds only whitespace)", Assert.Single(validator.Errors));
    }

    [Theory]
    [InlineData("orders", true)]
    [InlineData("order processing", true)]
    [InlineData("arnold", true)]
    [InlineData("ARN", true)]
    [InlineData(" leading-space-outside-a-domain", false)]
    [InlineData("émoji-☕", false)]
    public void SwfName_AllowedValue_Passes(string value, bool isDomain)
    {
        var validator = new SwfValidator();

        validator.SwfName(value, "name", isDomain);

        Assert.Empty(validator.Errors);
    }

    [Theory]
    [InlineData("1h")]
    [InlineData("-1")]
    [InlineData("+5")]
    [InlineData(" 5")]
    [InlineData("1.5")]
    [InlineData("1e3")]
    [InlineData("none")]
    [InlineData("٣")]
    public void Duration_NotWholeSeconds_Fails(string value)
    {
        var validator = new SwfValidator();

        validator.Duration(value, "startToFireTimeout");

        Assert.Contains("whole number of seconds or NONE", Assert.Single(validator.Errors), StringComparison.Ordinal);
    }

    // An empty duration used to pass, and the engine failed on it after recording events (the store then never restarted).
    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Duration_EmptyOrBlank_Fails(string value)
    {
        var validator = new SwfValidator();

        validator.Duration(value, "scheduleToCloseTimeout");

        Assert.Equal($"Value at 'scheduleToCloseTimeout' failed to satisfy constraint: Member must be a whole number of seconds or NONE (it is '{value}')", Assert.Single(validator.Errors));
    }

    [Fact]
    public void Duration_MoreThanAYear_NamesTheLimit()
    {
        var validator = new SwfValidator();

        validator.Duration("31536001", "executionStartToCloseTimeout");

        Assert.Contains("at most 31536000 seconds, one year (it is 31536001)", Assert.Single(validator.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("60")]
    [InlineData("31536000")]
    [InlineData("NONE")]
    public void Duration_Valid_Passes(string value)
    {
        var validator = new SwfValidator();

        validator.Duration(value, "heartbeatTimeout");

        Assert.Empty(validator.Errors);
    }

    [Theory]
    [InlineData("91", false)]
    [InlineData("-1", false)]
    [InlineData("seven", false)]
    [InlineData("0", true)]
    [InlineData("90", true)]
    [InlineData("NONE", true)]
    public void RetentionDays_Value_PassesOnlyFromZeroToNinetyOrNone(string value, bool valid)
    {
        var validator = new SwfValidator();

        validator.RetentionDays(value, "workflowExecutionRetentionPeriodInDays");

        Assert.Equal(valid, validator.Errors.Count == 0);
    }

    [Theory]
    [InlineData("high", false)]
    [InlineData("", false)]
    [InlineData("1.0", false)]
    [InlineData("2147483648", false)]
    [InlineData("-2147483649", false)]
    [InlineData(" 1", false)]
    [InlineData("0", true)]
    [InlineData("-5", true)]
    [InlineData("2147483647", true)]
    [InlineData("-2147483648", true)]
    public void TaskPriority_Value_PassesOnlyForAnInt32(string value, bool valid)
    {
        var validator = new SwfValidator();

        validator.TaskPriority(value, "taskPriority");

        Assert.Equal(valid, validator.Errors.Count == 0);
    }

    [Fact]
    public void Count_TooManyItems_NamesLimitAndCount()
    {
        var validator = new SwfValidator();

        validator.Count(Enumerable.Range(0, 6).Select(i => $"t{i}").ToList(), "tagList", 0, 5);

        Assert.Equal("Value at 'tagList' failed to satisfy constraint: Member must have at most 5 items (it has 6)", Assert.Single(validator.Errors));
    }

    [Theory]
    [InlineData(1001, false)]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(1000, true)]
    public void Range_MaximumPageSize_PassesOnlyFromZeroToAThousand(int value, bool valid)
    {
        var validator = new SwfValidator();

        validator.Range(value, "maximumPageSize", 0, 1000);

        Assert.Equal(valid, validator.Errors.Count == 0);
        if (!valid)
        {
            Assert.Contains($"between 0 and 1000 (it is {value})", validator.Errors[0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Required_Null_ReportsLikeSwf()
    {
        var validator = new SwfValidator();

        validator.Required(null, SwfValidator.Path(SwfValidator.Item("decisions", 0), "decisionType"));

        Assert.Equal("Value null at 'decisions.1.member.decisionType' failed to satisfy constraint: Member must not be null", Assert.Single(validator.Errors));
    }

    [Theory]
    [InlineData("team#1", "'#'")]
    [InlineData("a,b", "','")]
    public void ResourceTagText_ForbiddenCharacter_NamesIt(string value, string shown)
    {
        var validator = new SwfValidator();

        validator.ResourceTagText(value, "tags.1.member.key");

        Assert.Contains($"found {shown}", Assert.Single(validator.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void ResourceTagText_AllowedCharacters_Passes()
    {
        var validator = new SwfValidator();

        validator.ResourceTagText("Team 1_a.b:c/d=e+f-g@h", "tags.1.member.value");

        Assert.Empty(validator.Errors);
    }

    [Fact]
    public void ThrowIfAny_SeveralErrors_ListsEveryOneInTheMessage()
    {
        var validator = new SwfValidator();
        validator.Length(new string('x', 300), "domain", 1, 256);
        validator.Range(2000, "maximumPageSize", 0, 1000);

        var error = Assert.Throws<ValidationException>(validator.ThrowIfAny);

        Assert.StartsWith("2 validation errors detected: Value at 'domain'", error.Message, StringComparison.Ordinal);
        Assert.Contains("; Value at 'maximumPageSize'", error.Message, StringComparison.Ordinal);
        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public void ThrowIfAny_NoErrors_DoesNotThrow()
    {
        new SwfValidator().ThrowIfAny();
    }
}
