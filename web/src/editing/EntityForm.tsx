import { useId, useMemo, useState } from 'react';
import { type FieldErrors, type Resolver, type UseFormRegister, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ENTITY_KINDS, type EntityKind } from '../../../shared/vocabulary.js';
import { ApiError } from '../api.js';
import type { EntityPatch } from '../generated/graphql.js';
import { formatDate, kindLabel } from '../i18n/labels.js';
import type { Language } from '../i18n/language.js';
import { createEntity, deleteEntity, type EditableEntity, modelOf, updateEntity } from './api.js';
import { type Conflict, ConflictView, conflictOf } from './Conflict.js';
import { FormButtons } from './FormButtons.js';
import { Alert, Notice } from './Messages.js';
import { errorText } from './messages.js';
import {
  entityCandidate,
  entityProblems,
  entityValues,
  type FieldSpec,
  type FormValues,
  fieldsOf,
  patchOf,
} from './rules.js';

type Mode = { readonly create: true; readonly kind?: EntityKind } | { readonly create: false; entity: EditableEntity };

interface Props {
  readonly mode: Mode;
  readonly language: Language;
  readonly onSaved: (entity: EditableEntity, created: boolean) => void;
  readonly onDeleted?: (id: string) => void;
}

interface Base {
  readonly model: Record<string, unknown>;
  readonly version: number;
}

/** Problems of the model's check, as react-hook-form errors per top-level field. */
function toErrors(problems: ReadonlyArray<{ field: string; message: string }>): FieldErrors<FormValues> {
  const errors: FieldErrors<FormValues> = {};
  for (const { field, message } of problems) {
    const name = field.split('.')[0] ?? 'form';
    if (!errors[name]) errors[name] = { type: 'model', message };
  }
  return errors;
}

/**
 * Creates or edits an entity of any kind. The form checks what is typed with
 * the server's own model rules, sends only the fields that changed, based on
 * the version it was opened with; when someone else saved first it shows what
 * they changed next to what the editor typed, and nothing is lost.
 */
export function EntityForm({ mode, language, onSaved, onDeleted }: Props) {
  const { t } = useTranslation();
  const formId = useId();
  const [kind, setKind] = useState<EntityKind>(
    mode.create ? (mode.kind ?? 'PERSON') : (mode.entity.kind as EntityKind),
  );
  const [base, setBase] = useState<Base | null>(
    mode.create ? null : { model: modelOf(mode.entity), version: mode.entity.version },
  );
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const resolver: Resolver<FormValues> = async (values) => {
    const problems = entityProblems(kind, entityCandidate(kind, values), language);
    return problems.length === 0 ? { values, errors: {} } : { values: {}, errors: toErrors(problems) };
  };
  const { register, handleSubmit, reset, getValues, formState } = useForm<FormValues>({
    defaultValues: base ? entityValues(base.model) : { name: '', aliases: '', description: '' },
    resolver,
  });
  const fields = useMemo(() => fieldsOf(kind), [kind]);
  const { errors } = formState;

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    setNotice(null);
    const candidate = entityCandidate(kind, values);
    try {
      if (!base) {
        const created = await createEntity(candidate);
        onSaved(created, true);
        return;
      }
      const patch = patchOf(base.model, candidate);
      if (Object.keys(patch).length === 0) {
        setNotice(t('edit.noChanges'));
        return;
      }
      const id = String(base.model.id);
      try {
        const saved = await updateEntity(id, base.version, patch as EntityPatch);
        setBase({ model: modelOf(saved), version: saved.version });
        setNotice(t('edit.saved', { version: saved.version }));
        onSaved(saved, false);
      } catch (error) {
        if (!(error instanceof ApiError && error.code === 'CONFLICT')) throw error;
        setConflict(conflictOf(error, base.model, patch));
      }
    } catch (error) {
      setFailure(errorText(error, t));
    }
  });

  /** Starts again from the state saved now, keeping the fields the editor changed. */
  const rebase = (keepMine: boolean) => {
    if (!conflict) return;
    const values = entityValues(conflict.current);
    if (keepMine) {
      const typed = getValues();
      for (const key of Object.keys(conflict.mine)) values[key] = typed[key] ?? '';
    }
    setBase({ model: conflict.current, version: conflict.version });
    reset(values);
    setConflict(null);
  };

  const remove = async () => {
    if (!base) return;
    setFailure(null);
    try {
      await deleteEntity(String(base.model.id), base.version);
      onDeleted?.(String(base.model.id));
    } catch (error) {
      setFailure(errorText(error, t));
    }
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby={`${formId}-title`}>
      <p id={`${formId}-title`} className="muted">
        {base ? t('edit.entity.editing', { id: String(base.model.id), version: base.version }) : t('edit.entity.new')}
      </p>
      {conflict && (
        <ConflictView
          conflict={conflict}
          language={language}
          onRebase={() => rebase(true)}
          onDiscard={() => rebase(false)}
        />
      )}
      {!base && (
        <div className="field">
          <label htmlFor={`${formId}-kind`}>{t('edit.fields.kind')}</label>
          <select id={`${formId}-kind`} value={kind} onChange={(e) => setKind(e.target.value as EntityKind)}>
            {ENTITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k, language)}
              </option>
            ))}
          </select>
        </div>
      )}
      <Field name="name" spec={{ name: 'name', type: 'text', required: true }} register={register} errors={errors} />
      <Field
        name="aliases"
        spec={{ name: 'aliases', type: 'list', required: false }}
        register={register}
        errors={errors}
        multiline
      />
      <Field
        name="description"
        spec={{ name: 'description', type: 'text', required: false }}
        register={register}
        errors={errors}
        multiline
      />
      {fields.map((spec) => (
        <Field key={spec.name} name={spec.name} spec={spec} register={register} errors={errors} language={language} />
      ))}
      <Alert message={errors.form?.message} />
      <Alert message={failure} />
      <Notice message={notice} />
      <FormButtons
        saved={base !== null}
        disabled={formState.isSubmitting || conflict !== null}
        onDelete={onDeleted ? remove : undefined}
        confirmText={t('edit.confirmDelete')}
      />
      {kind === 'EVENT' && (
        <p className="muted small">{t('edit.dateHint', { example: formatDate('2022-08-31', language) })}</p>
      )}
    </form>
  );
}

interface FieldProps {
  readonly name: string;
  readonly spec: FieldSpec;
  readonly register: UseFormRegister<FormValues>;
  readonly errors: FieldErrors<FormValues>;
  readonly multiline?: boolean;
  readonly language?: Language;
}

function Field({ name, spec, register, errors, multiline, language = 'de' }: FieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const error = errors[name]?.message;
  const common = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : `${id}-hint`,
    ...register(name),
  } as const;
  const hint =
    spec.type === 'date'
      ? t('edit.hints.date')
      : spec.type === 'list'
        ? t(`edit.hints.${name === 'aliases' ? 'lines' : 'commas'}`)
        : '';
  return (
    <div className="field">
      <label htmlFor={id}>
        {t(`edit.fields.${name}`)}
        {spec.required && <span aria-hidden="true"> *</span>}
      </label>
      {spec.type === 'choice' ? (
        <select {...common}>
          <option value="">{t('edit.choose')}</option>
          {spec.options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o[language]}
            </option>
          ))}
        </select>
      ) : multiline ? (
        <textarea rows={name === 'description' ? 3 : 2} {...common} />
      ) : (
        <input type="text" inputMode={spec.type === 'number' ? 'decimal' : undefined} {...common} />
      )}
      {hint && !error && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}
