package org.harbor.forms;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.javarosa.core.model.Constants;
import org.javarosa.core.model.FormDef;
import org.javarosa.core.model.GroupDef;
import org.javarosa.core.model.IFormElement;
import org.javarosa.core.model.QuestionDef;
import org.javarosa.core.model.instance.DataInstance;
import org.javarosa.core.model.instance.ExternalDataInstance;
import org.javarosa.core.model.instance.FormInstance;
import org.javarosa.core.model.instance.InstanceInitializationFactory;
import org.javarosa.core.model.instance.TreeElement;
import org.javarosa.core.model.instance.TreeReference;
import org.javarosa.xform.util.XFormUtils;

/**
 * Loads ODK XForms with JavaRosa and tells which questions Harbor can render.
 *
 * <p>Refused before parsing: files over {@link #MAX_BYTES}, and any DOCTYPE anywhere in the file
 * (no external or internal entities reach the parser). Parser failures are refused with the
 * parser's reason. Refused before anything is computed: calculations whose values could grow past
 * the caps of {@link CalculationBudget} (a chain of {@code concat(x, x)}, say).
 */
public final class FormLoader {

    public static final int MAX_BYTES = 4 * 1024 * 1024;
    public static final int MAX_REPEATS = 1000;
    /** One JavaRosa parse at a time in this process (see {@link #load(byte[])}). */
    private static final Object PARSE = new Object();
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY = Pattern.compile("<!ENTITY", Pattern.CASE_INSENSITIVE);

    public LoadedForm load(Path file) throws FormRejectedException {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new FormRejectedException("the file is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
            }
            return load(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new FormRejectedException("the file cannot be read");
        }
    }

    public LoadedForm load(InputStream in) throws FormRejectedException {
        try {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new FormRejectedException("the form is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
            }
            return load(bytes);
        } catch (IOException e) {
            throw new FormRejectedException("the form cannot be read");
        }
    }

    public LoadedForm load(byte[] xml) throws FormRejectedException {
        // The whole file, not only its start: a DOCTYPE or entity anywhere is refused, here by a
        // search of the text and below by a parser that refuses any DOCTYPE in whatever encoding.
        String text = new String(xml, StandardCharsets.UTF_8);
        if (DOCTYPE.matcher(text).find() || ENTITY.matcher(text).find()) {
            throw new FormRejectedException(DOCTYPE_REFUSED);
        }
        Expressions expressions = expressions(xml);
        FormDef form;
        try {
            // JavaRosa's parser takes one process-wide lock with tryLock and refuses a second parse
            // running at the same moment on another thread (the desktop's background sync fetching a
            // published form while a form opens): parses wait their turn here instead.
            synchronized (PARSE) {
                form = XFormUtils.getFormFromInputStream(new ByteArrayInputStream(xml));
            }
        } catch (Exception | StackOverflowError e) {
            throw new FormRejectedException(reason(e));
        }
        if (form == null) {
            throw new FormRejectedException("the parser returned no form");
        }
        checkRepeatCounts(form, form);
        // Before anything is computed: calculations whose values could explode are refused.
        CalculationBudget.check(expressions.list(), expressions.longestText());
        try {
            // Computes defaults, calculations and relevance once on an empty instance, as a form
            // does when it is opened: unknown functions and broken expressions fail here, not
            // in front of a survivor.
            form.initialize(true, new InstanceInitializationFactory());
        } catch (Exception | StackOverflowError e) {
            throw new FormRejectedException(reason(e));
        }
        List<QuestionInfo> questions = new ArrayList<>();
        collect(form, form, questions);
        SortedSet<String> notAvailable = new TreeSet<>();
        for (QuestionInfo q : questions) {
            if (!q.kind().supported()) {
                notAvailable.add(q.kind().label());
            }
        }
        if (usesExternalData(form)) {
            notAvailable.add(QuestionKind.EXTERNAL_DATA.label());
        }
        FormInstance instance = form.getMainInstance();
        TreeElement root = instance == null ? null : instance.getRoot();
        String id = root == null ? "" : attribute(root, "id");
        String version = root == null ? "" : attribute(root, "version");
        return new LoadedForm(form, id, version, List.copyOf(questions), notAvailable);
    }

    private static final String DOCTYPE_REFUSED = "the form declares a DOCTYPE or entities, which Harbor refuses";

    /** The form's expressions (binds and setvalue actions) and its longest run of text. */
    private record Expressions(List<CalculationBudget.Expression> list, long longestText) {
    }

    /**
     * Reads the XML once with the JDK's parser, DOCTYPE disallowed (no DTD, no entities, in any
     * encoding), for the expressions the calculation budget needs.
     */
    private static Expressions expressions(byte[] xml) throws FormRejectedException {
        List<CalculationBudget.Expression> out = new ArrayList<>();
        long[] longest = {0};
        try {
            javax.xml.parsers.SAXParserFactory factory = javax.xml.parsers.SAXParserFactory.newInstance();
            factory.setNamespaceAware(false); // as lenient about prefixes as JavaRosa's own parser
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            factory.newSAXParser().parse(new ByteArrayInputStream(xml), new org.xml.sax.helpers.DefaultHandler() {
                private long run;

                @Override
                public void startElement(String uri, String ignored, String qName, org.xml.sax.Attributes attributes) {
                    run = 0;
                    String local = qName.substring(qName.indexOf(':') + 1);
                    if (local.equals("bind")) {
                        String node = CalculationBudget.nodeset(attributes.getValue("nodeset"));
                        for (String name : new String[] {"calculate", "relevant", "constraint", "readonly", "required"}) {
                            String value = attributes.getValue(name);
                            if (value != null && !value.isBlank()) {
                                out.add(new CalculationBudget.Expression(node, value, name.equals("calculate")));
                            }
                        }
                    } else if (local.equals("setvalue")) {
                        String value = attributes.getValue("value");
                        if (value != null && !value.isBlank()) {
                            out.add(new CalculationBudget.Expression(CalculationBudget.nodeset(attributes.getValue("ref")), value, true));
                        }
                    }
                }

                @Override
                public void endElement(String uri, String local, String qName) {
                    run = 0;
                }

                @Override
                public void characters(char[] ch, int start, int length) {
                    run += length;
                    longest[0] = Math.max(longest[0], run);
                }
            });
        } catch (org.xml.sax.SAXParseException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            throw new FormRejectedException(message.contains("DOCTYPE") ? DOCTYPE_REFUSED
                    : "the form is not well-formed XML (line " + e.getLineNumber() + ")");
        } catch (org.xml.sax.SAXException | javax.xml.parsers.ParserConfigurationException | IOException e) {
            throw new FormRejectedException("the form is not well-formed XML");
        }
        return new Expressions(List.copyOf(out), longest[0]);
    }

    private static void collect(FormDef form, IFormElement element, List<QuestionInfo> out) {
        if (element.getChildren() == null) {
            return;
        }
        for (IFormElement child : element.getChildren()) {
            if (child instanceof QuestionDef question) {
                out.add(new QuestionInfo(path(question), kindOf(form, question)));
            } else if (child instanceof GroupDef) {
                collect(form, child, out);
            }
        }
    }

    /** A repeat whose count starts out above {@link #MAX_REPEATS} is refused at load. */
    private static void checkRepeatCounts(FormDef form, IFormElement element) throws FormRejectedException {
        if (element.getChildren() == null) {
            return;
        }
        for (IFormElement child : element.getChildren()) {
            if (child instanceof GroupDef group) {
                if (group.getRepeat() && group.getCountReference() != null
                        && group.getCountReference().getReference() instanceof TreeReference ref) {
                    TreeElement count = form.getMainInstance().resolveReference(ref);
                    String value = count == null || count.getValue() == null ? "" : count.getValue().uncast().getString();
                    if (value.strip().matches("\\d{1,18}") && Long.parseLong(value.strip()) > MAX_REPEATS) {
                        throw new FormRejectedException("a repeat asks for " + value.strip()
                                + " entries; Harbor allows at most " + MAX_REPEATS);
                    }
                }
                checkRepeatCounts(form, group);
            }
        }
    }

    static QuestionKind kindOf(FormDef form, QuestionDef question) {
        String appearance = question.getAppearanceAttr() == null ? "" : question.getAppearanceAttr().toLowerCase(Locale.ROOT);
        int dataType = dataType(form, question);
        switch (question.getControlType()) {
            case Constants.CONTROL_SELECT_ONE:
                return question.getDynamicChoices() != null && usesExternalData(form) ? QuestionKind.EXTERNAL_DATA : QuestionKind.SELECT_ONE;
            case Constants.CONTROL_SELECT_MULTI:
                return QuestionKind.SELECT_MANY;
            case Constants.CONTROL_TRIGGER:
                return QuestionKind.ACKNOWLEDGE;
            case Constants.CONTROL_RANGE:
                return QuestionKind.RANGE;
            case Constants.CONTROL_RANK:
                return QuestionKind.RANK;
            case Constants.CONTROL_AUDIO_CAPTURE:
                return QuestionKind.AUDIO;
            case Constants.CONTROL_VIDEO_CAPTURE:
                return QuestionKind.VIDEO;
            case Constants.CONTROL_OSM_CAPTURE:
                return QuestionKind.GEO;
            case Constants.CONTROL_FILE_CAPTURE:
                return QuestionKind.FILE;
            case Constants.CONTROL_IMAGE_CHOOSE:
                return appearance.contains("signature") ? QuestionKind.SIGNATURE : QuestionKind.IMAGE;
            case Constants.CONTROL_UPLOAD:
                return upload(question, appearance);
            default:
                break;
        }
        return switch (dataType) {
            case Constants.DATATYPE_INTEGER, Constants.DATATYPE_LONG -> QuestionKind.INTEGER;
            case Constants.DATATYPE_DECIMAL -> QuestionKind.DECIMAL;
            case Constants.DATATYPE_DATE -> QuestionKind.DATE;
            case Constants.DATATYPE_TIME -> QuestionKind.TIME;
            case Constants.DATATYPE_DATE_TIME -> QuestionKind.DATE_TIME;
            case Constants.DATATYPE_GEOPOINT, Constants.DATATYPE_GEOSHAPE, Constants.DATATYPE_GEOTRACE -> QuestionKind.GEO;
            case Constants.DATATYPE_BARCODE -> QuestionKind.BARCODE;
            case Constants.DATATYPE_BINARY -> QuestionKind.FILE;
            case Constants.DATATYPE_CHOICE -> QuestionKind.SELECT_ONE;
            case Constants.DATATYPE_CHOICE_LIST -> QuestionKind.SELECT_MANY;
            default -> isReadOnly(form, question) ? QuestionKind.NOTE : QuestionKind.TEXT;
        };
    }

    private static QuestionKind upload(QuestionDef question, String appearance) {
        String mediaType = question.getAdditionalAttribute(null, "mediatype");
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        if (type.startsWith("image")) {
            return appearance.contains("signature") ? QuestionKind.SIGNATURE : QuestionKind.IMAGE;
        }
        if (type.startsWith("audio")) {
            return QuestionKind.AUDIO;
        }
        if (type.startsWith("video")) {
            return QuestionKind.VIDEO;
        }
        return QuestionKind.FILE;
    }

    private static int dataType(FormDef form, QuestionDef question) {
        TreeElement element = element(form, question);
        return element == null ? Constants.DATATYPE_UNSUPPORTED : element.getDataType();
    }

    private static boolean isReadOnly(FormDef form, QuestionDef question) {
        TreeElement element = element(form, question);
        return element != null && !element.isEnabled();
    }

    private static TreeElement element(FormDef form, QuestionDef question) {
        if (!(question.getBind().getReference() instanceof TreeReference ref)) {
            return null;
        }
        try {
            return form.getMainInstance().resolveReference(ref);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Secondary instances loaded from files (CSV, XML, GeoJSON); inline ones are fine. */
    private static boolean usesExternalData(FormDef form) {
        Enumeration<DataInstance> instances = form.getNonMainInstances();
        while (instances.hasMoreElements()) {
            if (instances.nextElement() instanceof ExternalDataInstance) {
                return true;
            }
        }
        return false;
    }

    private static String path(QuestionDef question) {
        Object ref = question.getBind().getReference();
        return ref == null ? "?" : ref.toString();
    }

    private static String attribute(TreeElement root, String name) {
        String value = root.getAttributeValue(null, name);
        return value == null ? "" : value;
    }

    /** The parser's own words, on one line, without stack traces or class names where avoidable. */
    static String reason(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank() || e instanceof NullPointerException || e instanceof ClassCastException
                || e instanceof IndexOutOfBoundsException || e instanceof ArithmeticException || e instanceof StackOverflowError) {
            // A failure inside the form engine, not a reason a form author can act on; no class names.
            message = e instanceof StackOverflowError ? "the form's expressions or groups are nested too deeply"
                    : "the form engine could not process this form (a construct it does not handle, or a damaged file)";
        }
        message = message.replaceAll("\\s+", " ").strip();
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }
}
