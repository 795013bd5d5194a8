package org.harbor.forms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.javarosa.xpath.XPathParseTool;
import org.javarosa.xpath.expr.XPathBinaryOpExpr;
import org.javarosa.xpath.expr.XPathExpression;
import org.javarosa.xpath.expr.XPathFilterExpr;
import org.javarosa.xpath.expr.XPathFuncExpr;
import org.javarosa.xpath.expr.XPathNumericLiteral;
import org.javarosa.xpath.expr.XPathPathExpr;
import org.javarosa.xpath.expr.XPathStep;
import org.javarosa.xpath.expr.XPathStringLiteral;
import org.javarosa.xpath.expr.XPathUnaryOpExpr;
import org.javarosa.xpath.expr.XPathUnionExpr;
import org.javarosa.xpath.parser.XPathSyntaxException;

/**
 * Bounds, before JavaRosa evaluates anything, how long the values of a form's calculations can
 * grow. Forty chained {@code concat(x, x)} would double a value forty times and exhaust any heap
 * when the form is opened; here each calculated node gets an upper bound on its length (a literal
 * its length, {@code concat} the sum of its parts, {@code join} a repeat's worth, a typed answer or
 * a value from the file {@link #LEAF} or the longest text in the file), computed once per node in
 * time linear in the expressions, and a form whose bound passes {@link #MAX_VALUE} for one value
 * or {@link #MAX_TOTAL} for all is refused with the node's path.
 *
 * <p>The bound is an estimate on the safe side, not a proof about every XPath function; ordinary
 * forms (a few dozen fields joined into a summary) stay far below it.
 */
final class CalculationBudget {

    /** Characters one calculated value may reach. */
    static final long MAX_VALUE = 16L << 20;
    /** Characters all calculated values together may reach. */
    static final long MAX_TOTAL = 64L << 20;
    /** What a typed answer or an unknown value is assumed to hold, at least. */
    static final long LEAF = 10_000;
    private static final long SCALAR = 64;

    /** One expression of the form: where it sits and, for a calculation or setvalue, which node it fills. */
    record Expression(String context, String text, boolean fillsContext) {
    }

    private final Map<String, String> calculations = new HashMap<>();
    private final Map<String, Long> bounds = new HashMap<>();
    private final Set<String> visiting = new HashSet<>();
    private final List<Expression> expressions;
    private final long leaf;

    private CalculationBudget(List<Expression> expressions, long longestText) {
        this.expressions = expressions;
        this.leaf = Math.max(LEAF, longestText);
    }

    /** @throws FormRejectedException naming the node whose value could grow past the caps */
    static void check(List<Expression> expressions, long longestText) throws FormRejectedException {
        new CalculationBudget(expressions, longestText).run();
    }

    private void run() throws FormRejectedException {
        for (Expression e : expressions) {
            if (e.fillsContext() && e.context() != null) {
                calculations.merge(e.context(), e.text(), (a, b) -> "concat(" + a + ", " + b + ")");
            }
        }
        long total = 0;
        for (String node : new ArrayList<>(calculations.keySet())) {
            total = saturatingAdd(total, boundOf(node));
            if (total > MAX_TOTAL) {
                throw new FormRejectedException("the form's calculations together could grow to more than "
                        + String.format(Locale.ROOT, "%,d", MAX_TOTAL) + " characters; Harbor refuses it before computing them");
            }
        }
        for (Expression e : expressions) {
            if (!e.fillsContext()) {
                bound(parse(e.text()), e.context(), e.context());
            }
        }
    }

    private long boundOf(String node) throws FormRejectedException {
        Long known = bounds.get(node);
        if (known != null) {
            return known;
        }
        String text = calculations.get(node);
        if (text == null) {
            return leaf;
        }
        if (!visiting.add(node)) {
            throw new FormRejectedException("the calculation of " + node + " depends on itself");
        }
        long b = bound(parse(text), node, node);
        visiting.remove(node);
        bounds.put(node, b);
        return b;
    }

    private static XPathExpression parse(String text) throws FormRejectedException {
        try {
            return XPathParseTool.parseXPath(text);
        } catch (XPathSyntaxException | RuntimeException e) {
            throw new FormRejectedException("an expression of the form is not valid XPath");
        }
    }

    /** An upper bound on the length of {@code e}'s value, in characters; refuses past {@link #MAX_VALUE}. */
    private long bound(XPathExpression e, String context, String node) throws FormRejectedException {
        long b = switch (e) {
            case null -> 0;
            case XPathStringLiteral s -> s.s.length();
            case XPathNumericLiteral n -> SCALAR;
            case XPathPathExpr p -> path(p, context, node);
            case XPathUnionExpr u -> saturatingAdd(bound(u.a, context, node), bound(u.b, context, node));
            case XPathBinaryOpExpr op -> {
                bound(op.a, context, node);
                bound(op.b, context, node);
                yield SCALAR; // arithmetic, comparison, and/or
            }
            case XPathUnaryOpExpr op -> {
                bound(op.a, context, node);
                yield SCALAR;
            }
            case XPathFilterExpr f -> {
                predicates(f.predicates, context, node);
                yield bound(f.x, context, node);
            }
            case XPathFuncExpr f -> function(f, context, node);
            default -> leaf;
        };
        if (b > MAX_VALUE) {
            throw new FormRejectedException("the calculation of " + (node == null ? "a question" : node) + " could grow to more than "
                    + String.format(Locale.ROOT, "%,d", MAX_VALUE) + " characters; Harbor refuses it before computing it");
        }
        return b;
    }

    private long function(XPathFuncExpr f, String context, String node) throws FormRejectedException {
        String name = f.id.name;
        long[] args = new long[f.args.length];
        long sum = 0;
        long max = 0;
        for (int i = 0; i < f.args.length; i++) {
            args[i] = bound(f.args[i], context, node);
            sum = saturatingAdd(sum, args[i]);
            max = Math.max(max, args[i]);
        }
        return switch (name) {
            case "concat" -> sum;
            // every entry of a repeat, each followed by the separator
            case "join" -> saturatingMultiply(sum, FormLoader.MAX_REPEATS);
            case "if", "coalesce" -> max;
            case "format-date", "format-date-time" -> saturatingAdd(saturatingMultiply(args.length > 1 ? args[1] : 0, 16), SCALAR);
            case "encrypt-string", "base64-encode" -> saturatingAdd(saturatingMultiply(sum, 2), SCALAR);
            // the rest give back part of their arguments, a scalar or a fixed-size string (uuid, digest)
            default -> saturatingAdd(sum, SCALAR);
        };
    }

    private long path(XPathPathExpr p, String context, String node) throws FormRejectedException {
        for (XPathStep step : p.steps) {
            predicates(step.predicates, context, node);
        }
        if (p.filtExpr != null) {
            predicates(p.filtExpr.predicates, context, node);
        }
        String target = resolve(p, context);
        return target == null ? leaf : boundOf(target);
    }

    private void predicates(XPathExpression[] predicates, String context, String node) throws FormRejectedException {
        if (predicates != null) {
            for (XPathExpression predicate : predicates) {
                bound(predicate, context, node);
            }
        }
    }

    /** The node a path names, as "/data/group/name" without predicates; null when not a plain path of the main instance. */
    static String resolve(XPathPathExpr p, String context) {
        List<String> steps = new ArrayList<>();
        switch (p.init_context) {
            case XPathPathExpr.INIT_CONTEXT_ROOT -> { }
            case XPathPathExpr.INIT_CONTEXT_RELATIVE -> {
                if (context == null) {
                    return null;
                }
                steps.addAll(split(context));
            }
            default -> {
                // current()/…: the context node; instance('…')/… and others: not the main instance
                if (context != null && p.filtExpr != null && p.filtExpr.x instanceof XPathFuncExpr f
                        && f.id.name.equals("current") && f.args.length == 0) {
                    steps.addAll(split(context));
                } else {
                    return null;
                }
            }
        }
        for (XPathStep step : p.steps) {
            if (step.axis == XPathStep.AXIS_PARENT) {
                if (steps.isEmpty()) {
                    return null;
                }
                steps.removeLast();
            } else if (step.axis == XPathStep.AXIS_SELF) {
                continue;
            } else if (step.axis == XPathStep.AXIS_CHILD && step.test == XPathStep.TEST_NAME) {
                steps.add(step.name.toString());
            } else {
                return null;
            }
        }
        return "/" + String.join("/", steps);
    }

    /** "/data/a/b" as the steps data, a, b; a nodeset attribute parsed as a path, predicates dropped. */
    static String nodeset(String nodeset) {
        if (nodeset == null) {
            return null;
        }
        try {
            return XPathParseTool.parseXPath(nodeset) instanceof XPathPathExpr p ? resolve(p, null) : null;
        } catch (XPathSyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }

    private static long saturatingMultiply(long a, long b) {
        return a != 0 && b > Long.MAX_VALUE / a ? Long.MAX_VALUE : a * b;
    }
}
